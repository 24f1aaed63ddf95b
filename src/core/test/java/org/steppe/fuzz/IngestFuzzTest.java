package org.steppe.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/**
 * Thousands of files made to break the pipeline (see {@link HostileFiles}), indexed as {@code steppe
 * index} would: the run completes, every file is indexed or reported by name, none takes more CPU
 * time than its bound (a few seconds plus a little per KiB: linear cost), and indexing the same
 * corpus again changes nothing.
 *
 * <p>{@code -Dsteppe.ingestFuzz.files=N} (default 10,000) and {@code -Dsteppe.ingestFuzz.seed=S};
 * benchmark-size runs go through the bench harness ({@code bench/run.sh -Dsteps=fuzz}).
 */
class IngestFuzzTest {
  private static final int FILES = Integer.getInteger("steppe.ingestFuzz.files", 10_000);
  private static final long SEED = Long.getLong("steppe.ingestFuzz.seed", 20261201L);

  @TempDir Path work;

  @Test
  void noFileAbortsTheRunOrEscapesItsTimeBound() throws Exception {
    IngestFuzz.Report r = IngestFuzz.run(work, FILES, SEED, seedTexts(), Path.of("index-config"));
    System.out.println(r.summary() + " (seed " + SEED + ")");
    r.byShape().forEach((shape, s) -> System.out.println("  " + shape + ": " + s));
    assertEquals(FILES, r.files());
    assertTrue(r.articles() > FILES / 3, "most files hold articles: " + r.summary());
    assertEquals(List.of(), r.unaccounted(), "every file is indexed or reported by name");
    assertEquals(List.of(), r.overBound(), "files over their time bound");
    assertEquals(0, r.secondRunChanges(), "indexing the same corpus again changes nothing: " + r.changedOnRerun());
  }

  static List<String> seedTexts() throws Exception {
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(SeedCorpus.DIR)) {
      for (Path f : files.sorted().toList()) {
        texts.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return texts;
  }
}
