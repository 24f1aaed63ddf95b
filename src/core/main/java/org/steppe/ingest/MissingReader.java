package org.steppe.ingest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Stands last among the formats for the {@link ExternalFormat}s no reader on the classpath took:
 * such a file is skipped with a warning naming it and the module that reads it. Skipped, not
 * empty: what an earlier run indexed from it is kept.
 */
final class MissingReader implements ArticleFormat {
  private final String why;

  /** @param why why the readers are missing ("not on the classpath", or the error that stopped them loading) */
  MissingReader(String why) {
    this.why = why;
  }

  @Override
  public boolean accepts(Path file) {
    return kind(file) != null;
  }

  @Override
  public List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener) {
    ExternalFormat kind = kind(Path.of(relativePath));
    listener.skipped(relativePath, "not read: the reader of " + kind.what() + " is " + why + " (add " + ExternalFormat.MODULE + ")");
    return List.of();
  }

  private static ExternalFormat kind(Path file) {
    return Arrays.stream(ExternalFormat.values()).filter(k -> k.matches(file)).findFirst().orElse(null);
  }
}
