package org.steppe.ingest;

/**
 * One article as a file format yields it, before cleaning.
 *
 * @param id stable id: the relative path for one-article files, the format's own key otherwise
 * @param file the file it came from, relative to the corpus root
 * @param text the decoded text; every offset Steppe reports is an index into this string
 * @param known metadata the format states structurally (e.g. Reuters' TITLE and DATE)
 * @param paragraphed true when the format laid the text out in paragraphs itself (a web page's
 *     blocks): its lines are not hard-wrapped, and a paragraph repeated is the article's own
 */
public record SourceDocument(String id, String file, String text, Metadata known, boolean paragraphed) {

  /** A document whose text is as the file wrote it. */
  public SourceDocument(String id, String file, String text, Metadata known) {
    this(id, file, text, known, false);
  }
}
