package org.steppe.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.steppe.search.CorpusWatch;
import org.steppe.search.IndexSummary;
import org.steppe.search.WritableSteppe;

/** Prints one line for each batch a corpus watch indexed, with its problems; quiet when a batch changed nothing. */
final class WatchReport implements CorpusWatch.Listener {
  private final PrintWriter out;

  WatchReport(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void synced(IndexSummary s) {
    if (s.added() + s.updated() + s.removed() + s.skipped().size() + s.warnings().size() == 0) {
      return;
    }
    synchronized (out) {
      out.printf("Changes indexed in %.1f s: %d added, %d updated, %d removed; %d articles.%n",
          s.millis() / 1000.0, s.added(), s.updated(), s.removed(), s.articles());
      for (IndexSummary.Problem p : s.warnings()) {
        out.printf("  warning: %s: %s%n", p.file(), p.reason());
      }
      for (IndexSummary.Problem p : s.skipped()) {
        out.printf("  skipped: %s: %s%n", p.file(), p.reason());
      }
      out.flush();
    }
  }

  @Override
  public void failed(Exception e) {
    synchronized (out) {
      out.printf("Changes not indexed (the index keeps its last commit): %s%n", e.getMessage() != null ? e.getMessage() : e.toString());
      out.flush();
    }
  }

  /** Blocks until Ctrl-C, then closes {@code steppe} (and its watch) from the shutdown hook. */
  static void untilStopped(WritableSteppe steppe, String command) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        steppe.close();
      } catch (Exception e) {
        System.err.println(command + ": while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "steppe-shutdown"));
    stopped.await();
  }
}
