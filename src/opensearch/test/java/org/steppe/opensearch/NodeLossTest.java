package org.steppe.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.search.ArticleInput;
import org.steppe.search.ArticleQuote;
import org.steppe.search.QuoteKind;
import org.steppe.search.SearchRequest;
import org.steppe.search.SteppeConfig;

/**
 * One node of the 2-node cluster dies (SIGKILL) while searches run and articles are written:
 * searches keep answering from the replicas, every answer complete (never a total from half the
 * shards); nothing indexed before is lost; articles written during the outage arrive whole (each
 * with all its quotes) once the writer's retries get through; the node comes back and the cluster
 * is green again. The errors seen and the time to recover go to {@code target/node-loss.txt}.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
class NodeLossTest {
  static final String INDEX = "node-loss";
  static final Path REUTERS = Path.of("../shared/datasets/reuters21578/reut2-000.sgm");
  static final List<String> QUERIES = List.of("oil", "\"trade deficit\"", "bank NOT Japan", "wheat OR corn", "said", "");

  /** One search during the run: when it ended, how long it took, the query and its total (-1: no answer). */
  record Probe(long atMillis, long millis, String query, long total, String error) {
    boolean answered() {
      return total >= 0;
    }
  }

  @Test
  void searchesGoOnAndNothingIsLostWhenANodeDies(OpenSearchCluster.Running running, @TempDir Path work) throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(REUTERS), "the shared datasets are beside the checkout");
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Files.copy(REUTERS, corpus.resolve("reut2-000.sgm"));
    Files.writeString(corpus.resolve("seed.txt"), Files.readString(Path.of("corpus", "003_049d21399e94aeb1.txt")), StandardCharsets.UTF_8);
    SteppeConfig config = SteppeConfig.fromFolder(Path.of("index-config"));
    try (Connection c = running.connect()) {
      new Rest(c).deleteIndex(INDEX);
    }
    List<String> report = new ArrayList<>();
    try (WritableOpenSearchSteppe steppe = WritableOpenSearchSteppe.openWritable(running.address(), INDEX, config,
        OpenSearchCluster.SHARDS, OpenSearchCluster.REPLICAS)) {
      steppe.indexCorpus(corpus, null);
      long articles = steppe.articleCount();
      long quotes = steppe.quoteCount();
      Map<String, Long> totals = new java.util.LinkedHashMap<>();
      for (String q : QUERIES) {
        totals.put(q, steppe.searchArticles(SearchRequest.of(q)).total());
      }

      List<Probe> probes = Collections.synchronizedList(new ArrayList<>());
      AtomicBoolean stop = new AtomicBoolean();
      long t0 = System.nanoTime();
      Thread searcher = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          String q = QUERIES.get(i % QUERIES.size());
          long s = System.nanoTime();
          try {
            long total = steppe.searchArticles(SearchRequest.of(q)).total();
            probes.add(new Probe((System.nanoTime() - t0) / 1_000_000, (System.nanoTime() - s) / 1_000_000, q, total, null));
          } catch (IOException | RuntimeException e) {
            probes.add(new Probe((System.nanoTime() - t0) / 1_000_000, (System.nanoTime() - s) / 1_000_000, q, -1, e.getMessage()));
          }
        }
      }, "node-loss-searches");
      searcher.start();
      Thread.sleep(2_000);
      long killedAt = (System.nanoTime() - t0) / 1_000_000;
      running.stopNode(2, true);

      // Written while the node is gone: the writer waits and retries until the replicas are primaries.
      List<ArticleInput> during = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        during.add(ArticleInput.builder("outage-" + n).title("Outage report " + n)
            .body("A reporter filed story " + n + " while a node was down. \"We keep writing,\" the editor said.")
            .source("Outage Wire").date(LocalDate.of(2020, 1, 1 + n))
            .quotes(List.of(new ArticleQuote("We keep writing,", QuoteKind.DIRECT, "The Editor", "editor", 0, 0, "the editor said")))
            .build());
      }
      long writeStart = System.nanoTime();
      String writeError = null;
      try {
        for (ArticleInput a : during) {
          steppe.put(a);
        }
        steppe.commit();
      } catch (IOException e) {
        writeError = e.getMessage();
      }
      long writeMillis = (System.nanoTime() - writeStart) / 1_000_000;
      Thread.sleep(3_000);
      stop.set(true);
      searcher.join();

      List<Probe> all = new ArrayList<>(probes);
      // A complete answer has the total from before, or with the outage's articles once they were committed.
      Map<String, Long> outage = new java.util.HashMap<>();
      for (String q : QUERIES) {
        outage.put(q, outageHits(steppe, q));
      }
      long failed = all.stream().filter(p -> !p.answered()).count();
      long incomplete = all.stream().filter(p -> p.answered() && p.total() != totals.get(p.query())
          && p.total() != totals.get(p.query()) + outage.get(p.query())).count();
      long lastFailure = all.stream().filter(p -> !p.answered()).mapToLong(Probe::atMillis).max().orElse(killedAt);
      long slowest = all.stream().filter(p -> p.atMillis() > killedAt).mapToLong(Probe::millis).max().orElse(0);
      long recovery = all.stream().filter(p -> p.answered() && p.atMillis() - p.millis() >= lastFailure)
          .mapToLong(Probe::atMillis).min().orElse(Long.MAX_VALUE) - killedAt;
      report.add(String.format("searches: %d during the run, %d failed, %d with a wrong total; node 2 killed at %d ms;"
          + " slowest search after the kill %d ms; the first search started after the last failure ended %d ms after the kill",
          all.size(), failed, incomplete, killedAt, slowest, recovery));
      report.add("writes during the outage: " + (writeError == null ? "20 articles put and committed in " + writeMillis + " ms"
          : "failed after " + writeMillis + " ms: " + writeError));
      all.stream().filter(p -> !p.answered()).limit(5).forEach(p -> report.add("  error at " + p.atMillis() + " ms: " + p.error()));

      assertEquals(0, incomplete, "no search answers with hits missing: " + report);
      assertEquals(articles, steppe.articleCount() - (writeError == null ? during.size() : 0), "nothing indexed before is lost");
      assertTrue(writeError == null || writeError.contains("OpenSearch"), "a write that fails says why: " + writeError);

      running.startNode(2);
      report.add("node 2 back and the cluster green");
      assertEquals(articles + during.size(), articlesAfterRetry(steppe, during, writeError), "every article written");
      assertEquals(quotes + during.size(), steppe.quoteCount(), "each with its quote, none twice");
      for (String q : QUERIES) {
        long now = steppe.searchArticles(SearchRequest.of(q)).total() - outageHits(steppe, q);
        assertEquals(totals.get(q), now, "the same answers once the node is back: '" + q + "'");
      }
      assertTrue(failed <= all.size() / 2, "most searches answered: " + report);
    } finally {
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target", "node-loss.txt"), report);
      System.err.println(String.join("\n", report));
      try (Connection c = running.connect()) {
        new Rest(c).deleteIndex(INDEX);
      }
    }
  }

  /** The article count once the outage's writes are in: written again when they failed, as a later run would. */
  private static long articlesAfterRetry(WritableOpenSearchSteppe steppe, List<ArticleInput> during, String writeError) throws IOException {
    if (writeError != null) {
      for (ArticleInput a : during) {
        steppe.put(a);
      }
      steppe.commit();
    }
    return steppe.articleCount();
  }

  /** Hits among the articles written during the outage, which were not there when the totals were taken. */
  private static long outageHits(WritableOpenSearchSteppe steppe, String q) throws IOException {
    return steppe.searchArticles(SearchRequest.of(q).withSources(List.of("Outage Wire"))).total();
  }
}
