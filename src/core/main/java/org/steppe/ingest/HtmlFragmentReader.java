package org.steppe.ingest;

/**
 * Reads an HTML fragment (an exported article's or a feed item's body) as the article's text. The
 * core parses no HTML itself: a reader is found with {@link java.util.ServiceLoader}, and
 * steppe-formats registers one (jsoup). See {@link ArticleFormats}.
 */
public interface HtmlFragmentReader {

  /** The fragment's paragraphs, each whitespace-collapsed, separated by blank lines. */
  String text(String html);
}
