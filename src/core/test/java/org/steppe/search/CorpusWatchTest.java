package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/** Watch mode: a corpus that keeps growing is searchable within seconds, in batches, while searches go on. */
class CorpusWatchTest {
  private static final int FILES = 500;
  @TempDir Path corpus;
  @TempDir Path index;

  @Test
  void fiveHundredNewTenChangedAndTenDeletedFilesConvergeWithNoSearchError() throws Exception {
    List<IndexSummary> batches = new CopyOnWriteArrayList<>();
    List<Exception> failures = new CopyOnWriteArrayList<>();
    CorpusWatch.Listener listener = new CorpusWatch.Listener() {
      @Override
      public void synced(IndexSummary summary) {
        batches.add(summary);
      }

      @Override
      public void failed(Exception e) {
        failures.add(e);
      }
    };
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.watchCorpus(corpus, RemovalLimit.DEFAULT, listener);
      steppe.indexCorpus(corpus, IndexProgress.NONE);

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger searches = new AtomicInteger();
      List<Throwable> searchErrors = new CopyOnWriteArrayList<>();
      List<Thread> searchers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        Thread searcher = new Thread(() -> {
          while (!stop.get()) {
            try {
              steppe.searchArticles(SearchRequest.of("harvest district").withPage(0, 5));
              steppe.searchQuotes(SearchRequest.of("officials"));
              searches.incrementAndGet();
            } catch (Throwable e) {
              searchErrors.add(e);
            }
          }
        });
        searcher.start();
        searchers.add(searcher);
      }

      // A burst: 500 files dropped into five new folders, as a copy or an unpacked archive would.
      for (int i = 0; i < FILES; i++) {
        Path file = corpus.resolve("batch" + i % 5 + "/report-" + i + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, article(i, "early"));
      }
      awaitTrue(() -> steppe.articleCount() == FILES, "all " + FILES + " files indexed", steppe, batches);
      int burstCommits = batches.size();
      assertTrue(burstCommits <= 20, "a burst of files is a few commits, not hundreds: " + burstCommits);

      for (int i = 0; i < 10; i++) {
        Files.writeString(corpus.resolve("batch" + i % 5 + "/report-" + i + ".txt"), article(i, "zebracorn late"));
        Files.delete(corpus.resolve("batch" + (100 + i) % 5 + "/report-" + (100 + i) + ".txt"));
      }
      awaitTrue(() -> steppe.articleCount() == FILES - 10
              && steppe.searchArticles(SearchRequest.of("zebracorn")).total() == 10
              && steppe.searchArticles(SearchRequest.of("tag100 OR tag105 OR tag109")).total() == 0,
          "10 changed and 10 deleted files followed", steppe, batches);

      stop.set(true);
      for (Thread t : searchers) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      System.out.printf("watch: %d files in %d commits, then 20 changes in %d more; %d searches during it%n",
          FILES, burstCommits, batches.size() - burstCommits, searches.get());
      assertTrue(searchErrors.isEmpty(), "no search failed: " + searchErrors);
      assertTrue(searches.get() > 0, "searches ran throughout");
      assertTrue(failures.isEmpty(), "no batch failed: " + failures);
      assertEquals(1, steppe.searchArticles(SearchRequest.of("tag499")).total());
      assertEquals(0, steppe.searchArticles(SearchRequest.of("tag42 AND zebracorn")).total(), "an unchanged file stays as it was");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("tag7 AND zebracorn")).total(), "a changed file has its new text");
      assertEquals(0, steppe.searchArticles(SearchRequest.of("tag7 AND early")).total(), "and not its old one");
    }
  }

  @Test
  void aBatchThatWouldEmptyTheIndexChangesNothingAndSaysSo() throws Exception {
    for (int i = 0; i < 10; i++) {
      Files.writeString(corpus.resolve("report-" + i + ".txt"), article(i, "early"));
    }
    List<Exception> failures = new CopyOnWriteArrayList<>();
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.watchCorpus(corpus, RemovalLimit.DEFAULT, new CorpusWatch.Listener() {
        @Override
        public void synced(IndexSummary summary) {}

        @Override
        public void failed(Exception e) {
          failures.add(e);
        }
      });
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      for (int i = 0; i < 8; i++) {
        Files.delete(corpus.resolve("report-" + i + ".txt"));
      }
      awaitTrue(() -> !failures.isEmpty(), "the batch refused", steppe, List.of());
      assertTrue(failures.get(0) instanceof TooManyRemovalsException, failures.toString());
      assertEquals(10, steppe.articleCount(), "the index keeps its last commit");
    }
  }

  private static String article(int i, String when) {
    return "Harvest report " + i + "\n\nFarmers in district " + i + " brought the harvest in " + when
        + " this year, officials said. Reference tag" + i + ".\n";
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void awaitTrue(Check check, String what, WritableSteppe steppe, List<IndexSummary> batches) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not converged: " + what + "; " + steppe.articleCount() + " articles after "
            + batches.size() + " batches: " + batches);
      }
      Thread.sleep(100);
    }
  }
}
