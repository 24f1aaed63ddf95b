package org.steppe.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.steppe.fuzz.IngestFuzz;

/**
 * The ingest fuzzer at benchmark size (issue 19): {@code -Dfuzz.files=N} hostile files (default
 * 100,000, from {@code -Dfuzz.seed}) indexed twice by Steppe's own sync, as {@code IngestFuzzTest}
 * does with 10,000 in CI. Writes {@code results/fuzz-ingest-N.json}; exits 1 when a file aborted
 * the run, went unaccounted, exceeded its time bound, or the second run changed anything.
 */
public final class IngestFuzzBench {
  public static void main(String[] args) throws Exception {
    int files = Bench.intProp("fuzz.files", 100_000);
    long seed = Long.parseLong(Bench.prop("fuzz.seed", "20261201"));
    Path work = Bench.out().resolve("fuzz").resolve("ingest-" + files);
    Bench.deleteTree(work);
    Files.createDirectories(work);
    List<String> material = new ArrayList<>();
    try (Stream<Path> seeds = Files.list(Path.of("corpus"))) {
      for (Path f : seeds.sorted().toList()) {
        material.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    String load = Bench.loadAverage();
    IngestFuzz.Report r = IngestFuzz.run(work, files, seed, material, Path.of(Bench.prop("fuzz.config", "index-config")));
    Bench.log("%s", r.summary());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("seed", seed);
    result.put("loadavg_before", load);
    result.put("loadavg_end", Bench.loadAverage());
    result.put("passed", r.passed());
    result.put("report", r);
    result.put("bound", "cpu ms <= " + IngestFuzz.BOUND_BASE_MS + " + " + IngestFuzz.BOUND_MS_PER_KIB + " per KiB");
    Bench.write("fuzz-ingest-" + files + ".json", result);
    Bench.deleteTree(work); // gigabytes of generated files and their index
    System.exit(r.passed() ? 0 : 1);
  }
}
