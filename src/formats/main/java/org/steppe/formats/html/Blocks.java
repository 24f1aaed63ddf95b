package org.steppe.formats.html;

import java.util.Set;
import org.jsoup.nodes.Element;

/** Which elements break text into paragraphs, as a browser lays them out. */
final class Blocks {
  private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "center", "dd",
      "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
      "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
      "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "legend", "option", "output",
      "noscript", "listing", "plaintext", "xmp", "frameset", "frame");
  private static final Set<String> HEADING = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

  private Blocks() {}

  static boolean isBlock(Element e) {
    return BLOCK.contains(e.normalName());
  }

  static boolean isHeading(Element e) {
    return HEADING.contains(e.normalName());
  }
}
