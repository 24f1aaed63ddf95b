package org.steppe.formats.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.steppe.ingest.Markup;
import org.steppe.ingest.Metadata;

/**
 * The article a web page holds: the metadata the page states and the paragraphs of its main
 * content.
 *
 * @param metadata title, publisher (as source), date, author and canonical URL; null where the page states none
 * @param paragraphs the article's paragraphs in order, each whitespace-collapsed ({@code \n} where the page breaks a line)
 */
public record HtmlArticle(Metadata metadata, List<String> paragraphs) {
  /** Letters a stated body must have beyond twice the found text before it is preferred. */
  private static final int MIN_STATED_BODY = 200;

  public HtmlArticle {
    paragraphs = List.copyOf(paragraphs);
  }

  /** Reads the article from a page's markup; {@code baseUri} resolves relative links (may be empty). */
  public static HtmlArticle read(String html, String baseUri) {
    Document page = Jsoup.parse(html, baseUri);
    JsonLd ld = JsonLd.of(page);
    Metadata metadata = PageMetadata.of(page, ld);
    List<String> paragraphs = MainContent.paragraphs(page);
    List<String> stated = ld.articleBody() == null ? List.of() : statedBody(ld.articleBody());
    // A page that builds its text with scripts has little in its markup, but often states the
    // whole text in JSON-LD: when that is far longer than what was found, it is the article.
    return new HtmlArticle(metadata, letters(stated) > 2 * letters(paragraphs) + MIN_STATED_BODY ? stated : paragraphs);
  }

  private static List<String> statedBody(String articleBody) {
    if (Markup.isMarkup(articleBody)) {
      return readFragment(articleBody).paragraphs();
    }
    List<String> out = new ArrayList<>();
    for (String p : articleBody.split("\\s*\\n\\s*")) {
      String t = p.replaceAll("[ \\t\\u00A0]+", " ").strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  private static int letters(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      for (int i = 0; i < p.length(); i++) {
        if (!Character.isWhitespace(p.charAt(i))) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * A piece of HTML that is all content, such as a feed item's {@code content:encoded} or a CMS
   * body: its paragraphs, without scripts, styles and other furniture. No metadata.
   */
  public static HtmlArticle readFragment(String html) {
    Element body = Jsoup.parseBodyFragment(html).body();
    List<String> paragraphs = new ArrayList<>();
    for (TextBlock b : BlockWriter.write(List.of(body), Furniture.of(body))) {
      paragraphs.add(b.text());
    }
    return new HtmlArticle(Metadata.NONE, paragraphs);
  }

  /** The paragraphs separated by blank lines: the text an HTML article's offsets index. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
