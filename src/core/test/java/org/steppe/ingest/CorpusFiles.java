package org.steppe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The files of real corpora and the documents each format reads from them, for tests that compare whole corpora. */
public final class CorpusFiles {
  private CorpusFiles() {}

  /** Reuters-21578 as the shared datasets hold it beside the checkout. */
  public static final Path REUTERS = Path.of("../shared/datasets/reuters21578");

  /**
   * Copies two Reuters-21578 files (2,000 stories) into {@code corpus}, a slice large enough that
   * common words match thousands of stories; the calling test is skipped when the datasets are absent.
   */
  public static void copyReutersSlice(Path corpus) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(REUTERS), "the shared datasets are beside the checkout");
    for (String f : List.of("reut2-000.sgm", "reut2-001.sgm")) {
      Files.copy(REUTERS.resolve(f), corpus.resolve(f));
    }
  }

  /** Every regular file under the roots that exist and that {@code keep} accepts, sorted per root. */
  public static List<Path> under(List<Path> roots, Predicate<Path> keep) {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(root)) {
        s.filter(Files::isRegularFile).filter(keep).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The documents of the first registered format that accepts the file (none if no format does). */
  public static List<SourceDocument> documents(Path file) {
    for (ArticleFormat format : ArticleFormats.available()) {
      if (format.accepts(file)) {
        try {
          return format.read(file.toString(), Files.readAllBytes(file), IngestListener.SILENT);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return List.of();
  }
}
