package org.steppe.ingest.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds a page's article text: its paragraphs, without the page's furniture. */
final class MainContent {
  private MainContent() {}

  /** The article's paragraphs, in page order. */
  static List<String> paragraphs(Document page) {
    Element body = page.body();
    Set<Element> furniture = Furniture.of(body);
    ElementStats stats = ElementStats.of(body, furniture);
    List<Element> content = ContentScorer.content(body, stats);
    List<TextBlock> blocks = BlockWriter.write(content, furniture);
    List<String> out = new ArrayList<>();
    for (TextBlock b : blocks) {
      if (b.linkDensity() > 0.5) {
        continue;
      }
      if (b.block().normalName().equals("h1")) {
        continue;
      }
      out.add(b.text());
    }
    return out;
  }
}
