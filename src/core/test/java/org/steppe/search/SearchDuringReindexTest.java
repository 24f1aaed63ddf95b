package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.search.IndexProgress;

/**
 * Searches keep working while the corpus is re-indexed: from several threads, through the writing
 * instance and through a read-only one, they see the previous commit until the new one and then
 * the new one, never a half-written or empty index.
 */
class SearchDuringReindexTest {
  private static final int NEW_ARTICLES = 300;
  private static final int SEARCH_THREADS = 4;

  @TempDir Path corpus;
  @TempDir Path index;

  @Test
  void searchesSeeTheOldCommitThenTheNewOneAndNeverAnEmptyIndex() throws Exception {
    for (Path seed : Files.list(SeedCorpus.DIR).toList()) {
      Files.copy(seed, corpus.resolve(seed.getFileName()));
    }
    try (WritableSteppe writer = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      writer.indexCorpus(corpus, IndexProgress.NONE);
      long before = writer.searchArticles(SearchRequest.of("Nazarbayev")).total();
      assertEquals(3, before);
      for (int i = 0; i < NEW_ARTICLES; i++) {
        Files.writeString(corpus.resolve("new-" + i + ".txt"), "Steppe bulletin " + i + "\n\nNursultan Nazarbayev met the governor of "
            + "region " + i + " in Astana on Monday. \"We will build roads,\" the governor said. Oil prices and wheat exports "
            + "were discussed at length, and the talks went on into the evening.");
      }
      // One seed changes too, so the run replaces an article as well as adding them.
      Path changed = corpus.resolve("003_049d21399e94aeb1.txt");
      Files.writeString(changed, Files.readString(changed).replace("Limits of alliance", "Limits of the alliance"));
      long after = before + NEW_ARTICLES;

      try (Steppe reader = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        Set<Long> articleCounts = ConcurrentHashMap.newKeySet();
        AtomicInteger searches = new AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < SEARCH_THREADS; t++) {
          Steppe through = t % 2 == 0 ? writer : reader;
          Thread thread = new Thread(() -> {
            while (!stop.get()) {
              try {
                seen.add(through.searchArticles(SearchRequest.of("Nazarbayev")).total());
                articleCounts.add(through.articleCount());
                through.searchQuotes(SearchRequest.of("roads"));
                searches.incrementAndGet();
              } catch (Throwable e) {
                errors.add(e);
              }
            }
          }, "searcher-" + t);
          threads.add(thread);
          thread.start();
        }
        long t0 = System.nanoTime();
        writer.indexCorpus(corpus, IndexProgress.NONE);
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(after, writer.searchArticles(SearchRequest.of("Nazarbayev")).total(), "the writer sees its commit at once");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (reader.searchArticles(SearchRequest.of("Nazarbayev")).total() != after && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertEquals(after, reader.searchArticles(SearchRequest.of("Nazarbayev")).total(), "a reader sees it within seconds");
        Thread.sleep(200);
        stop.set(true);
        for (Thread t : threads) {
          t.join(10_000);
        }
        System.out.printf("search during reindex: %d searches in %d threads while indexing %d articles took %d ms; totals seen %s%n",
            searches.get(), SEARCH_THREADS, NEW_ARTICLES, indexMs, new TreeSet<>(seen));
        assertTrue(errors.isEmpty(), "searches failed: " + errors);
        assertTrue(searches.get() > SEARCH_THREADS * 5, "searches ran during the reindex: " + searches.get());
        assertEquals(Set.of(before, after), seen, "only the old commit's answer and the new one's, never a half-written index");
        assertEquals(Set.of(5L, 5L + NEW_ARTICLES), articleCounts, "never empty, never partial");
      }
    }
  }
}
