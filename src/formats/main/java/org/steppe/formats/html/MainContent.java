package org.steppe.formats.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds a page's article text: its paragraphs, without the page's furniture. */
final class MainContent {
  private MainContent() {}

  private static boolean isProse(TextBlock b) {
    String tag = b.block().normalName();
    return b.chars() >= 50 || b.heading() || tag.equals("li") || tag.equals("pre") || tag.equals("td") || tag.equals("dd");
  }

  /** The article's paragraphs, in page order. */
  static List<String> paragraphs(Document page) {
    Element body = page.body();
    Set<Element> furniture = Furniture.of(body);
    ElementStats stats = ElementStats.of(body, furniture);
    List<Element> content = ContentScorer.content(body, stats);
    List<TextBlock> blocks = BlockWriter.write(content, furniture);
    List<TextBlock> kept = new ArrayList<>();
    for (TextBlock b : blocks) {
      if (b.linkDensity() > 0.5 || b.block().normalName().equals("h1")) {
        continue;
      }
      kept.add(b);
    }
    // Short lines before the first paragraph of prose and after the last are the article's
    // frame (datelines, bylines, "Share this", "You may also like"), not its text.
    int first = 0;
    while (first < kept.size() && !isProse(kept.get(first))) {
      first++;
    }
    int last = kept.size() - 1;
    while (last >= first && !isProse(kept.get(last))) {
      last--;
    }
    List<String> out = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      out.add(kept.get(i).text());
    }
    return out;
  }
}
