package org.steppe.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.steppe.opensearch.BulkWriter;
import org.steppe.opensearch.WritableOpenSearchSteppe;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.RemovalLimit;
import org.steppe.search.Steppe;
import org.steppe.search.WritableSteppe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Indexes the corpus: adds new articles, replaces changed ones, removes deleted ones, commits once. */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Index the articles under --corpus into --index, or into the index on the OpenSearch cluster of --opensearch "
        + "(incremental: only changes are re-indexed).")
final class IndexCommand implements Callable<Integer> {
  @Mixin IndexOptions options;
  @Mixin SyncOptions sync;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RemovalLimit limit = sync.removalLimit();
    if (options.openSearch.enabled()) {
      sync.refuseWatchOnCluster(spec);
      try (WritableOpenSearchSteppe steppe = options.openSearch.openWritable(options.steppeConfig())) {
        IndexSummary s = steppe.indexCorpus(options.corpus, new BarProgress(), limit);
        report(out, s);
        reportBulk(out, steppe);
      }
      return 0;
    }
    if (sync.watch) {
      WritableSteppe steppe = Steppe.openWritable(options.index, options.steppeConfig());
      try {
        steppe.watchCorpus(options.corpus, limit, new WatchReport(out));
        report(out, steppe.indexCorpus(options.corpus, new BarProgress(), limit));
      } catch (Exception e) {
        steppe.close();
        throw e;
      }
      out.printf("Watching %s for changes (Ctrl-C to stop)%n", options.corpus);
      out.flush();
      WatchReport.untilStopped(steppe, "steppe index");
      return 0;
    }
    try (WritableSteppe steppe = Steppe.openWritable(options.index, options.steppeConfig())) {
      IndexSummary s = steppe.indexCorpus(options.corpus, new BarProgress(), limit);
      report(out, s);
    }
    return 0;
  }

  /** What went to the cluster, for a run on OpenSearch. */
  static void reportBulk(PrintWriter out, WritableOpenSearchSteppe steppe) {
    BulkWriter.Stats b = steppe.bulkStats();
    out.printf("Sent %d documents and deletions to %s in %d bulk requests (%.1f MB)%s.%n", b.actions(), steppe.describe(),
        b.requests(), b.bytes() / 1e6, b.retries() == 0 ? "" : ", " + b.retries() + " of them again after the cluster pushed back");
    out.flush();
  }

  static void report(PrintWriter out, IndexSummary s) {
    out.printf("Indexed %d articles from %d files in %.1f s: %d added, %d updated, %d unchanged, %d removed%s; "
            + "%d entity mentions and %d quotes in new or changed articles.%n",
        s.articles(), s.files(), s.millis() / 1000.0, s.added(), s.updated(), s.unchanged(), s.removed(),
        s.kept() == 0 ? "" : ", " + s.kept() + " kept as last indexed (unreadable this time)", s.entities(), s.quotes());
    for (IndexSummary.Problem p : s.warnings()) {
      out.printf("  warning: %s: %s%n", p.file(), p.reason());
    }
    if (!s.skipped().isEmpty()) {
      out.printf("Skipped %d:%n", s.skipped().size());
      for (IndexSummary.Problem p : s.skipped()) {
        out.printf("  skipped: %s: %s%n", p.file(), p.reason());
      }
    }
    out.flush();
  }

  /** A progress bar on stderr, drawn only for runs long enough to need one. */
  static final class BarProgress implements IndexProgress, AutoCloseable {
    private ProgressBar bar;

    @Override
    public void started(int files) {
      if (files >= 20) {
        bar = new ProgressBarBuilder().setTaskName("Indexing").setInitialMax(files)
            .setStyle(ProgressBarStyle.ASCII).setUnit(" files", 1).continuousUpdate().build();
      }
    }

    @Override
    public synchronized void fileDone(String file) {
      if (bar != null) {
        bar.step();
        if (bar.getCurrent() >= bar.getMax()) {
          close();
        }
      }
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
