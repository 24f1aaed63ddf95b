package org.steppe.ingest;

import java.nio.file.Path;
import java.util.List;

/** A file format that holds articles; adding a format is one class implementing this. */
public interface ArticleFormat {

  /** Whether this format reads {@code file} (judged by its name). */
  boolean accepts(Path file);

  /**
   * The articles in one file. A format decodes the bytes itself, since some are compressed or
   * declare their own charset; {@link DecodedText#read} does it for plain text formats.
   *
   * @param relativePath the file's path relative to the corpus root, with {@code /} separators
   * @param bytes the file's content, not empty
   * @param listener hears about the file, or the parts of it, that could not be read as they were
   */
  List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener);
}
