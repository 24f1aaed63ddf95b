package org.steppe.formats.html;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * Main-content extraction on the article-extraction benchmark's dev pages (121 real pages from many
 * sites), scored as its authors score it, and the visible headline and date of 30 of them against
 * expectations written by hand. One extraction pass, shared.
 */
class ArticleExtractionBenchmarkTest {
  private static final Path DATASET = Path.of("../shared/datasets/article-extraction");
  private static final Map<String, Article> PAGES = new ConcurrentHashMap<>();
  private static JsonNode truth;

  @BeforeAll
  static void extractEveryPage() throws IOException {
    assumeTrue(Files.isDirectory(DATASET.resolve("html")), "needs ../shared/datasets/article-extraction");
    truth = new ObjectMapper().readTree(DATASET.resolve("ground-truth.json").toFile());
    Corpus corpus = Corpus.open(DATASET.resolve("html"), SeedCorpus.CONFIG, IngestListener.SILENT);
    corpus.files().parallelStream().forEach(file -> {
      for (Article a : corpus.read(file)) {
        PAGES.put(file.getFileName().toString().split("\\.")[0], a);
      }
    });
  }

  @Test
  void bodyF1OnTheDevPagesIsAtLeast095AndHoldsOnEitherHalf() {
    BodyScore all = new BodyScore();
    BodyScore[] halves = {new BodyScore(), new BodyScore()};
    int i = 0;
    for (var it = truth.fieldNames(); it.hasNext(); i++) {
      String key = it.next();
      Article a = PAGES.get(key);
      String expected = truth.get(key).get("articleBody").asText();
      String body = a == null ? "" : a.body();
      all.add(expected, body);
      halves[i % 2].add(expected, body);
    }
    String report = String.format("P %.3f R %.3f F1 %.3f (halves %.3f, %.3f) over %d pages", all.precision(), all.recall(),
        all.f1(), halves[0].f1(), halves[1].f1(), i);
    System.out.println("article extraction: " + report);
    assertTrue(all.f1() >= 0.95, report);
    assertTrue(halves[0].f1() >= 0.93 && halves[1].f1() >= 0.93, "no half of the pages carries the score: " + report);
  }

  @Test
  void headlinesAndDatesMatchWhatThePagesShow() throws IOException {
    List<String> titleMisses = new ArrayList<>();
    List<String> dateMisses = new ArrayList<>();
    int pages = 0;
    for (String line : Files.readAllLines(Path.of("src/formats/test/resources/article-extraction/headlines-and-dates.tsv"))) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      Article a = PAGES.entrySet().stream().filter(e -> e.getKey().startsWith(f[0])).map(Map.Entry::getValue)
          .findFirst().orElseThrow(() -> new AssertionError("no page " + f[0]));
      pages++;
      if (!same(f[1], a.metadata().title())) {
        titleMisses.add(f[0] + ": expected \"" + f[1] + "\", got \"" + a.metadata().title() + "\"");
      }
      if (!f[2].equals(String.valueOf(a.metadata().date()))) {
        dateMisses.add(f[0] + ": expected " + f[2] + ", got " + a.metadata().date());
      }
    }
    double titles = 1 - (double) titleMisses.size() / pages;
    double dates = 1 - (double) dateMisses.size() / pages;
    String report = String.format("titles %.2f, dates %.2f on %d pages; misses: %s %s", titles, dates, pages, titleMisses, dateMisses);
    System.out.println("headlines and dates: " + report);
    assertTrue(pages >= 30, report);
    assertTrue(titles >= 0.9 && dates >= 0.9, report);
  }

  /** The same headline, whatever the quotes, dashes and spaces it is written with. */
  private static boolean same(String expected, String got) {
    return got != null && normalise(expected).equals(normalise(got));
  }

  private static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[‘’‛`´]", "'").replaceAll("[“”„]", "\"")
        .replaceAll("[‐‑‒–—]", "-").replaceAll("\\s+", " ").strip();
  }
}
