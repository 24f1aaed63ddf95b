package org.steppe.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.eval.RelevanceEvaluation;
import org.steppe.eval.TrecCollection;
import org.steppe.index.AnalysisConfig;
import org.steppe.index.Analysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Measures ranking quality (MAP, P@10) on a TREC test collection with the configured analysis and BM25. */
@Command(name = "eval-relevance", mixinStandardHelpOptions = true,
    description = {"Rank a TREC-format test collection (documents, topics, qrels) with the analysis chains and BM25 "
        + "settings of --config, and print MAP and P@10 next to Terrier's published BM25 figure.",
        "Example: steppe eval-relevance --collection ../shared/datasets/vaswani-npl --config index-config"})
public final class EvalRelevanceCommand implements Callable<Integer> {
  /** Terrier's BM25 MAP on Vaswani/NPL (terrier-core doc/quickstart_experiments.md, bm25.b=0.4). */
  static final double TERRIER_BM25_MAP = 0.2992;

  @Spec CommandSpec spec;

  @Option(names = "--collection", paramLabel = "DIR", defaultValue = "../shared/datasets/vaswani-npl",
      description = "Collection folder with corpus/, query-text.trec and qrels (default: ${DEFAULT-VALUE}).")
  Path collection;

  @Option(names = "--config", paramLabel = "DIR",
      description = "Configuration folder whose analysis.yaml is used (default: index-config/ if present, else the built-in one).")
  Path config;

  @Option(names = "--depth", defaultValue = "1000", description = "Documents ranked per topic (default: ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--run", paramLabel = "FILE", description = "Also write the rankings as a TREC run file (for trec_eval).")
  Path runFile;

  @Option(names = "--per-topic", description = "Print each topic's average precision.")
  boolean perTopic;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ConfigDir configDir = config != null ? ConfigDir.of(config) : ConfigDir.defaultLocation();
    AnalysisConfig conf = AnalysisConfig.load(configDir);
    Analysis analysis = Analysis.load(configDir, Gazetteer.load(configDir));
    long t0 = System.nanoTime();
    TrecCollection c = TrecCollection.read(collection);
    RelevanceEvaluation.Result r = new RelevanceEvaluation(analysis, depth).run(c);
    out.printf("collection  %s: %d documents, %d judged topics%n", collection, r.documents(), r.topics());
    out.printf("analysis    %s (BM25 k1=%.2f b=%.2f)%n", configDir.describe(AnalysisConfig.FILE), conf.bm25().k1(), conf.bm25().b());
    out.printf("MAP         %.4f   (Terrier BM25, b=0.4: %.4f; difference %+.4f)%n", r.map(), TERRIER_BM25_MAP, r.map() - TERRIER_BM25_MAP);
    out.printf("P@10        %.4f%n", r.precisionAt10());
    out.printf("time        %.1f s%n", (System.nanoTime() - t0) / 1e9);
    if (perTopic) {
      r.averagePrecision().forEach((topic, ap) -> out.printf("  topic %-4s AP %.4f%n", topic, ap));
    }
    if (runFile != null) {
      writeRun(r.rankings(), runFile);
      out.printf("run file    %s%n", runFile);
    }
    out.flush();
    return 0;
  }

  private static void writeRun(Map<String, List<String>> rankings, Path file) throws java.io.IOException {
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

  /** Runs the command on its own, without the rest of the command line. */
  public static void main(String[] args) {
    System.exit(Main.execute(new EvalRelevanceCommand(), args));
  }
}
