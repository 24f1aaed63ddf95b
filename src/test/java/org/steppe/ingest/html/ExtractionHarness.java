package org.steppe.ingest.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development aid: scores the HTML extractor on the benchmark's pages, one line per page. */
public final class ExtractionHarness {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/article-extraction");
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    BodyScore all = new BodyScore();
    BodyScore[] halves = {new BodyScore(), new BodyScore()};
    List<String> lines = new ArrayList<>();
    int i = 0;
    for (var it = truth.fieldNames(); it.hasNext(); i++) {
      String key = it.next();
      byte[] bytes = Files.readAllBytes(dir.resolve("html/" + key + ".html.gz"));
      PageBytes page = PageBytes.decode(bytes, true);
      HtmlArticle a = HtmlArticle.read(page.html(), truth.get(key).get("url").asText());
      String body = a.text();
      if (args.length > 1 && key.startsWith(args[1])) {
        String tt = truth.get(key).get("articleBody").asText();
        String norm = tt.replaceAll("\\W+", " ");
        for (String par : a.paragraphs()) {
          String n = par.replaceAll("\\W+", " ").strip();
          System.out.println((norm.contains(n) ? "   " : "XX ") + par.replace("\n", " / "));
        }
        System.out.println("-----MISSED-----");
        String gotNorm = body.replaceAll("\\W+", " ");
        for (String par : tt.split("\n+")) {
          String n = par.replaceAll("\\W+", " ").strip();
          if (!gotNorm.contains(n)) {
            System.out.println("MM " + par);
          }
        }
      }
      String t = truth.get(key).get("articleBody").asText();
      double[] pr = all.add(t, body);
      halves[i % 2].add(t, body);
      lines.add(String.format("%s P %.2f R %.2f %s", key.substring(0, 10), pr[0], pr[1], truth.get(key).get("url").asText()));
    }
    lines.sort(null);
    Files.write(Path.of("target/extraction-pages.txt"), lines);
    System.out.printf("P %.3f R %.3f F1 %.3f | halves F1 %.3f %.3f%n", all.precision(), all.recall(), all.f1(), halves[0].f1(), halves[1].f1());
  }
}
