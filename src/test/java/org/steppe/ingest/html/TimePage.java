package org.steppe.ingest.html;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Development aid: times the extraction phases on a generated huge page. */
public final class TimePage {
  public static void main(String[] args) {
    int depth = Integer.parseInt(args[0]);
    int spans = Integer.parseInt(args[1]);
    StringBuilder huge = new StringBuilder("<html><body>");
    huge.append("<div>".repeat(depth));
    huge.append("<p>Deep inside, the article: the central bank raised its base rate to 16 percent, citing inflation.</p>");
    for (int i = 0; i < spans; i++) {
      huge.append("<span class=\"x\"><a href=\"/").append(i).append("\">link ").append(i).append("</a></span>");
    }
    long t0 = System.nanoTime();
    Document page = Jsoup.parse(huge.toString());
    long t1 = System.nanoTime();
    Set<Element> furniture = Furniture.of(page.body());
    long t2 = System.nanoTime();
    ElementStats stats = ElementStats.of(page.body(), furniture);
    long t3 = System.nanoTime();
    List<Element> content = ContentScorer.content(page.body(), stats);
    long t4 = System.nanoTime();
    List<TextBlock> blocks = BlockWriter.write(content, furniture);
    long t5 = System.nanoTime();
    JsonLd ld = JsonLd.of(page);
    PageMetadata.of(page, ld);
    long t6 = System.nanoTime();
    System.out.printf("parse %d furniture %d stats %d score %d write %d meta %d ms; blocks %d%n", (t1 - t0) / 1000000,
        (t2 - t1) / 1000000, (t3 - t2) / 1000000, (t4 - t3) / 1000000, (t5 - t4) / 1000000, (t6 - t5) / 1000000, blocks.size());
  }
}
