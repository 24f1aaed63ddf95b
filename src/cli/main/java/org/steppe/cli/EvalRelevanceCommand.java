package org.steppe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.steppe.config.ConfigDir;
import org.steppe.eval.RelevanceEvaluation;
import org.steppe.eval.StockLuceneRanker;
import org.steppe.eval.SteppeRanker;
import org.steppe.eval.TestCollection;
import org.steppe.index.AnalysisConfig;
import org.steppe.search.SteppeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures ranking quality on a test collection: Steppe's search against stock Lucene BM25, in the same run. */
@Command(name = "eval-relevance", mixinStandardHelpOptions = true,
    description = {"Index a test collection (TREC or SMART layout) as a Steppe corpus with the configuration of --config, "
        + "search every judged topic as typed through Steppe's search API, and print MAP, P@10 and nDCG@10 next to "
        + "stock Lucene (EnglishAnalyzer, BM25 defaults) on the same documents.",
        "Example: steppe eval-relevance --collection ../shared/datasets/vaswani-npl --config index-config"})
public final class EvalRelevanceCommand implements Callable<Integer> {
  /** Terrier's BM25 MAP on Vaswani/NPL (terrier-core doc/quickstart_experiments.md, bm25.b=0.4). */
  static final double TERRIER_BM25_MAP = 0.2992;

  @Spec CommandSpec spec;

  @Option(names = "--collection", paramLabel = "DIR", defaultValue = "../shared/datasets/vaswani-npl",
      description = "Collection folder: corpus/, query-text.trec and qrels (TREC), or *.ALL, *.QRY and *.REL (SMART) "
          + "(default: ${DEFAULT-VALUE}).")
  Path collection;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Configuration folder Steppe indexes and searches with (default: index-config/ if present, else the built-in one).")
  Path config;

  @Option(names = "--depth", defaultValue = "1000", description = "Documents ranked per topic (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--run", paramLabel = "FILE", description = "Also write Steppe's rankings as a TREC run file (for trec_eval).")
  Path runFile;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Keep the collection's corpus and Steppe index in DIR (re-runs then index only what changed); "
          + "default: a temporary folder, deleted afterwards.")
  Path workDir;

  @Option(names = "--per-topic", description = "Print each topic's average precision and nDCG@10, Steppe's and stock Lucene's.")
  boolean perTopic;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConfigDir configDir = config != null ? ConfigDir.of(config) : ConfigDir.defaultLocation();
    AnalysisConfig conf = AnalysisConfig.load(configDir);
    long t0 = System.nanoTime();
    TestCollection c = TestCollection.read(collection);
    RelevanceEvaluation eval = new RelevanceEvaluation(depth);
    RelevanceEvaluation.Scores steppe;
    RelevanceEvaluation.Scores stock;
    Path work = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("steppe-eval-");
    Path folder = config != null ? config : ConfigDir.defaultFolder();
    SteppeConfig steppeConfig = folder == null ? SteppeConfig.defaults() : SteppeConfig.fromFolder(folder);
    try (SteppeRanker s = new SteppeRanker(c.documents(), steppeConfig, work);
        StockLuceneRanker l = new StockLuceneRanker(c.documents())) {
      steppe = eval.run(c, s);
      stock = eval.run(c, l);
    } finally {
      if (workDir == null) {
        deleteTree(work);
      }
    }
    out.printf("collection    %s: %d documents, %d judged topics%n", collection, c.documents().size(), c.judgedTopics().size());
    out.printf("steppe        %s (BM25 k1=%.2f b=%.2f)%n", configDir.describe(AnalysisConfig.FILE), conf.bm25().k1(), conf.bm25().b());
    out.printf("stock Lucene  EnglishAnalyzer, BM25 k1=1.20 b=0.75, title and text in one field, the query's words (any)%n");
    out.printf("%n              %-8s %-8s %-8s%n", "MAP", "P@10", "nDCG@10");
    out.printf("Steppe        %.4f   %.4f   %.4f%n", steppe.map(), steppe.precisionAt10(), steppe.ndcgAt10());
    out.printf("stock Lucene  %.4f   %.4f   %.4f%n", stock.map(), stock.precisionAt10(), stock.ndcgAt10());
    out.printf("difference    %+6.1f %%  %+6.1f %%  %+6.1f %%%n", percent(steppe.map(), stock.map()),
        percent(steppe.precisionAt10(), stock.precisionAt10()), percent(steppe.ndcgAt10(), stock.ndcgAt10()));
    out.printf("%nreference     Terrier BM25 on Vaswani/NPL (b=0.4): MAP %.4f%n", TERRIER_BM25_MAP);
    out.printf("time          %.1f s%n", (System.nanoTime() - t0) / 1e9);
    if (perTopic) {
      for (String topic : steppe.averagePrecision().keySet()) {
        out.printf("  topic %-4s AP %.4f (stock %.4f)  nDCG@10 %.4f (stock %.4f)%n", topic, steppe.averagePrecision().get(topic),
            stock.averagePrecision().get(topic), steppe.ndcg().get(topic), stock.ndcg().get(topic));
      }
    }
    if (runFile != null) {
      writeRun(steppe.rankings(), runFile);
      out.printf("run file      %s%n", runFile);
    }
    out.flush();
    return 0;
  }

  private static double percent(double value, double base) {
    return base == 0 ? 0 : 100 * (value - base) / base;
  }

  private static void writeRun(Map<String, List<String>> rankings, Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    rankings.forEach((topic, docs) -> {
      for (int i = 0; i < docs.size(); i++) {
        // Scores are not kept, so a descending rank-based score keeps trec_eval's order identical.
        b.append(topic).append(" Q0 ").append(docs.get(i)).append(' ').append(i + 1).append(' ')
            .append(docs.size() - i).append(" steppe\n");
      }
    });
    Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Runs the command on its own, without the rest of the command line. */
  public static void main(String[] args) {
    System.exit(Main.execute(new EvalRelevanceCommand(), args));
  }
}
