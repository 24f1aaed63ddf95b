package org.steppe.ingest.html;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.steppe.ingest.Metadata;

/**
 * The article a web page holds: the metadata the page states and the paragraphs of its main
 * content.
 *
 * @param metadata title, publisher (as source), date, author and canonical URL; null where the page states none
 * @param paragraphs the article's paragraphs in order, each whitespace-collapsed ({@code \n} where the page breaks a line)
 */
public record HtmlArticle(Metadata metadata, List<String> paragraphs) {
  public HtmlArticle {
    paragraphs = List.copyOf(paragraphs);
  }

  /** Reads the article from a page's markup; {@code baseUri} resolves relative links (may be empty). */
  public static HtmlArticle read(String html, String baseUri) {
    Document page = Jsoup.parse(html, baseUri);
    JsonLd ld = JsonLd.of(page);
    Metadata metadata = PageMetadata.of(page, ld);
    return new HtmlArticle(metadata, MainContent.paragraphs(page));
  }

  /** The paragraphs separated by blank lines: the text an HTML article's offsets index. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
