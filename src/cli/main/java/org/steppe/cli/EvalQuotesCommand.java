package org.steppe.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.EnrichedArticleJson;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.Quote;
import org.steppe.enrich.QuoteExtractor;
import org.steppe.enrich.SpeechVerbs;
import org.steppe.enrich.Token;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.quote.RuleQuoteExtractor;
import org.steppe.eval.PolnearGold;
import org.steppe.eval.QuoteAttributionScore;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Scores quote extraction on a PolNeAR split ({@link PolnearGold}, {@link QuoteAttributionScore}),
 * with throughput. The last line printed is {@code F1 <number>}.
 */
@Command(name = "eval-quotes", mixinStandardHelpOptions = true,
    description = "Score quote extraction and attribution on a PolNeAR split (text/*.txt, attributions/*.ann).")
public final class EvalQuotesCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "PolNeAR split folder, e.g. ../shared/datasets/polnear/data/dev")
  Path split;

  @Option(names = "--config", description = "configuration folder (default: index-config/ or the built-in one)")
  Path config;

  @Option(names = "--jsonl", description = "also write the articles as extract-style JSON lines to this file")
  Path jsonl;

  @Option(names = "--errors", description = "print each named-source miss and wrong speaker")
  boolean errors;

  @Option(names = "--timing-passes", defaultValue = "3",
      description = "extra passes of quote extraction alone, timed after warm-up (default ${DEFAULT-VALUE})")
  int timingPasses;

  @Spec CommandSpec spec;

  /** Runs the command on its own, with the command line's error mapping. */
  public static void main(String[] args) {
    System.exit(Main.execute(new EvalQuotesCommand(), args));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ConfigDir cfg = config == null ? ConfigDir.defaultLocation() : ConfigDir.of(config);
    Map<String, List<PolnearGold.Gold>> gold = PolnearGold.read(split);
    Corpus corpus = Corpus.open(split.resolve("text"), cfg, IngestListener.SILENT);
    Enricher enricher = Enricher.load(cfg);

    Map<String, List<Quote>> system = new HashMap<>();
    List<EnrichedArticle> enriched = new ArrayList<>();
    long tokens = 0;
    long nanos = 0;
    try (PrintWriter lines = jsonl == null ? null : new PrintWriter(Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8))) {
      for (Path file : corpus.files()) {
        for (Article a : corpus.read(file)) {
          long t0 = System.nanoTime();
          EnrichedArticle e = enricher.enrich(a);
          nanos += System.nanoTime() - t0;
          tokens += Token.tokenize(a.text()).size();
          system.put(stem(a.file()), e.quotes());
          enriched.add(e);
          if (lines != null) {
            lines.println(EnrichedArticleJson.line(e, a.file()));
          }
        }
      }
    }
    QuoteAttributionScore score = QuoteAttributionScore.of(gold, system, errors ? out : null);
    score.print(out);
    double seconds = nanos / 1e9;
    out.printf(Locale.ROOT, "throughput: %d tokens in %.2f s enrich time = %.0f tokens/s%n",
        tokens, seconds, seconds == 0 ? 0 : tokens / seconds);
    // Quote extraction alone, on the same articles and entity mentions, after the JIT has warmed up.
    QuoteExtractor extractor = RuleQuoteExtractor.load(cfg, Gazetteer.load(cfg), SpeechVerbs.load(cfg));
    long quoteNanos = 0;
    for (int pass = 0; pass <= timingPasses; pass++) {
      long t0 = System.nanoTime();
      for (EnrichedArticle e : enriched) {
        extractor.extract(e.article().cleanText(), e.mentions());
      }
      if (pass > 0) {
        quoteNanos += System.nanoTime() - t0;
      }
    }
    if (timingPasses > 0) {
      out.printf(Locale.ROOT, "throughput, quote extraction alone: %.0f tokens/s (%d passes)%n",
          tokens * (double) timingPasses / (quoteNanos / 1e9), timingPasses);
    }
    out.printf(Locale.ROOT, "F1 %.3f%n", score.f1());
    out.flush();
    return 0;
  }

  private static String stem(String file) {
    String name = Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
