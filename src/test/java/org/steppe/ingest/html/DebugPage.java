package org.steppe.ingest.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Development aid: where a page's true body sits and what the extractor thinks of its ancestors. */
public final class DebugPage {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of("../shared/datasets/article-extraction");
    var truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    String key = null;
    for (var it = truth.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (k.startsWith(args[0])) {
        key = k;
      }
    }
    String body = truth.get(key).get("articleBody").asText();
    String probe = args.length > 1 ? args[1] : body.substring(0, Math.min(40, body.length()));
    Document page = Jsoup.parse(PageBytes.decode(Files.readAllBytes(dir.resolve("html/" + key + ".html.gz")), true).html());
    Set<Element> furniture = Furniture.of(page.body());
    Element hit = null;
    for (Element e : page.body().getAllElements()) {
      if (e.ownText().contains(probe.substring(0, Math.min(25, probe.length())))) {
        hit = e;
        break;
      }
    }
    System.out.println("probe: " + probe + " found: " + (hit != null));
    ElementStats stats = ElementStats.of(page.body(), furniture);
    for (Element e = hit; e != null; e = e.parent()) {
      System.out.printf("%s%s class=%s id=%s chars=%d ld=%.2f w=%.0f%n", furniture.contains(e) ? "FURN " : "", e.normalName(),
          e.className(), e.id(), stats.get(e).chars, stats.get(e).linkDensity(), ContentScorer.classWeight(e));
    }
    var content = ContentScorer.content(page.body(), stats);
    for (Element c : content) {
      System.out.printf("CONTENT %s class=%s id=%s chars=%d%n", c.normalName(), c.className(), c.id(), stats.get(c).chars);
    }
  }
}
