package org.steppe.ingest;

import java.nio.file.Path;
import java.util.List;

/** A file format that holds articles; adding a format is one class implementing this. */
public interface ArticleFormat {

  /** Whether this format reads {@code file} (judged by its name). */
  boolean accepts(Path file);

  /**
   * The articles in one decoded file.
   *
   * @param relativePath the file's path relative to the corpus root, with {@code /} separators
   * @param text the file's decoded text
   */
  List<SourceDocument> parse(String relativePath, String text);
}
