package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.search.IndexProgress;

/** Searches from several threads while the same instance writes and commits. */
class ConcurrentSearchTest {
  @TempDir Path dir;

  @Test
  void searchesDuringReindexAndCommitsAllSucceed() throws Exception {
    try (WritableSteppe steppe = SeedIndex.index(dir)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        readers.add(pool.submit(() -> {
          do {
            SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of(thread % 2 == 0 ? "Kazakhstan" : "")
                .withSources(thread == 3 ? List.of("EADaily", "Tengrinews") : List.of()));
            assertTrue(r.total() >= (thread == 3 ? 2 : 5), "total " + r.total());
            assertTrue(!r.hits().isEmpty());
            assertTrue(!r.facets().source().isEmpty());
            assertEquals("Nursultan Nazarbayev", steppe.suggest("naz", 3).get(0).text());
            assertTrue(!steppe.similar(SeedIndex.TENGRINEWS, 2).hits().isEmpty());
            searches.incrementAndGet();
          } while (writing.get());
          return null;
        }));
      }
      try {
        for (int round = 0; round < 6; round++) {
          for (int i = 0; i < 3; i++) {
            steppe.put(new ArticleInput("round-" + round + "-" + i, "Kazakhstan round " + round,
                "Kazakhstan and Nazarbayev, round " + round + ", article " + i + ".", "Wire", LocalDate.of(2020, 1, 1 + i), null, null, null, null));
          }
          steppe.commit();
          for (int i = 0; i < 3; i++) {
            steppe.delete("round-" + round + "-" + i);
          }
          steppe.commit();
          steppe.indexCorpus(Path.of("corpus"), IndexProgress.NONE);
        }
      } finally {
        writing.set(false);
      }
      for (Future<?> f : readers) {
        f.get(); // rethrows any failed search
      }
      pool.shutdown();
      assertTrue(searches.get() >= 4, "every reader ran at least once: " + searches.get());
      assertEquals(5, steppe.articleCount());
    }
  }
}
