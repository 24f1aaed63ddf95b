package org.steppe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The files of real corpora and the documents each format reads from them, for tests that compare whole corpora. */
public final class CorpusFiles {
  private CorpusFiles() {}

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
