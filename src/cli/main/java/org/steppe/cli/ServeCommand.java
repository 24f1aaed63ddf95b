package org.steppe.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.steppe.search.IndexSummary;
import org.steppe.search.RemovalLimit;
import org.steppe.search.Steppe;
import org.steppe.opensearch.WritableOpenSearchSteppe;
import org.steppe.search.SteppeSearch;
import org.steppe.search.SteppeWriter;
import org.steppe.search.WritableSteppe;
import org.steppe.server.SteppeServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Brings the index up to date with the corpus, then serves the search page and JSON API until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Index --corpus into --index or the OpenSearch cluster of --opensearch (only what changed), then serve the "
        + "search page and API on http://localhost:7070.")
final class ServeCommand implements Callable<Integer> {
  @Mixin IndexOptions options;
  @Mixin SyncOptions sync;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + SteppeServer.DEFAULT_PORT,
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = SteppeServer.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
  String host;

  @Override
  public Integer call() throws Exception {
    // Jetty's start-up chatter is for its developers; warnings and errors still show.
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    RemovalLimit limit = sync.removalLimit();
    if (options.openSearch.enabled()) {
      sync.refuseWatchOnCluster(spec);
    }
    // Writable when it can be: the incremental sync re-indexes only what changed, and holding the
    // lock keeps a concurrent `index` run from writing under the server. An index on read-only
    // storage (a mounted snapshot, a shared volume) is served as it is, with nothing written to it.
    boolean readOnly = !options.openSearch.enabled() && Files.isDirectory(options.index) && !Files.isWritable(options.index);
    WritableOpenSearchSteppe onCluster = options.openSearch.enabled() ? options.openSearch.openWritable(options.steppeConfig()) : null;
    WritableSteppe writable = readOnly || onCluster != null ? null : Steppe.openWritable(options.index, options.steppeConfig());
    SteppeWriter writer = onCluster != null ? onCluster : writable;
    SteppeSearch steppe = onCluster != null ? onCluster : readOnly ? Steppe.open(options.index, options.steppeConfig()) : writable;
    Javalin app;
    try {
      if (readOnly) {
        out.printf("The index at %s is read-only: serving it as it is (%d articles), without syncing the corpus.%n",
            options.index, steppe.articleCount());
      } else if (Files.exists(options.corpus)) {
        if (sync.watch) {
          writable.watchCorpus(options.corpus, limit, new WatchReport(out)); // before the first run, so no change falls between
        }
        IndexSummary s = writer.indexCorpus(options.corpus, new IndexCommand.BarProgress(), limit);
        IndexCommand.report(out, s);
        if (onCluster != null) {
          IndexCommand.reportBulk(out, onCluster);
        }
      } else {
        out.printf("No corpus folder at %s: serving the index as it is (%d articles).%n", options.corpus, steppe.articleCount());
      }
      app = SteppeServer.create(steppe).start(host, port);
    } catch (JavalinBindException e) {
      steppe.close();
      throw new IOException("cannot listen on " + host + ":" + port + " (in use, or not an address of this machine); "
          + "choose another with --port or --host", e);
    } catch (Exception e) {
      steppe.close();
      throw e;
    }
    // Registered only once serving: Ctrl-C during the initial sync just ends the process, leaving
    // the last commit as it was (the sync commits once, at its end) and the lock freed by the OS.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        app.stop();
        steppe.close();
      } catch (Exception e) {
        System.err.println("steppe serve: while stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "steppe-shutdown"));
    out.printf("Steppe is serving %d articles on %s%s (Ctrl-C to stop)%n", steppe.articleCount(), url(host, app.port()),
        sync.watch && writable != null && Files.exists(options.corpus) ? ", watching " + options.corpus + " for changes" : "");
    out.flush();
    stopped.await();
    return 0;
  }

  private static String url(String host, int port) {
    String shown = host.equals("127.0.0.1") || host.equals("0.0.0.0") ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port + "/";
  }
}
