package org.steppe.cli;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.quote.AttributionTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the quote attribution model on a PolNeAR split. */
@Command(name = "train-attribution", mixinStandardHelpOptions = true,
    description = {"Trains the model that chooses each quote's speaker among its candidates, on a PolNeAR split",
        "(text/*.txt, attributions/*.ann). With the defaults it reproduces, byte for byte, the model Steppe ships",
        "(trained on ../shared/datasets/polnear/data/train; see BENCHMARKS.md)."})
public final class TrainAttributionCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "DIR", description = "PolNeAR split folder (text/, attributions/).")
  Path train;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
  Path out;

  @Option(names = "--epochs", paramLabel = "N", description = "Training passes (default: ${DEFAULT-VALUE}).")
  int epochs = AttributionTrainer.DEFAULT.epochs();

  @Option(names = "--learning-rate", paramLabel = "X", description = "AdaGrad step size (default: ${DEFAULT-VALUE}).")
  double learningRate = AttributionTrainer.DEFAULT.learningRate();

  @Option(names = "--l2", paramLabel = "X", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double l2 = AttributionTrainer.DEFAULT.l2();

  @Option(names = "--cutoff", paramLabel = "N", description = "Drop features seen fewer times (default: ${DEFAULT-VALUE}).")
  int cutoff = AttributionTrainer.DEFAULT.cutoff();

  @Option(names = "--threshold", paramLabel = "P",
      description = "Least probability at which a speaker is named; below it the speaker stays unknown (default: ${DEFAULT-VALUE}).")
  double threshold = AttributionTrainer.DEFAULT.threshold();

  @Option(names = "--vouch", paramLabel = "P",
      description = "Least probability at which the chosen speaker keeps a quote the rules alone would drop, such as a one-word quote (default: ${DEFAULT-VALUE}).")
  double vouch = AttributionTrainer.DEFAULT.vouch();

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the training order (default: ${DEFAULT-VALUE}).")
  long seed = AttributionTrainer.DEFAULT.seed();

  @Option(names = "--config", paramLabel = "DIR",
      description = "Configuration folder of the pipeline the candidates come from (default: index-config/ if present, else built-in).")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(train.resolve("text")) || !Files.isDirectory(train.resolve("attributions"))) {
      throw new CommandLine.ParameterException(new CommandLine(this), "not a PolNeAR split (no text/ and attributions/): " + train);
    }
    AttributionTrainer trainer;
    try {
      trainer = new AttributionTrainer(new AttributionTrainer.Options(epochs, learningRate, l2, cutoff, threshold, vouch, seed));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    ConfigDir cfg = config == null ? ConfigDir.defaultLocation() : ConfigDir.of(config);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    long t0 = System.nanoTime();
    AttributionTrainer.Report report;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      Enricher enricher = Enricher.load(cfg);
      report = trainer.train(train, cfg, a -> enricher.enrich(a).mentions(), w);
    }
    System.out.printf(Locale.ROOT, "trained on %d articles, %d quotes (%d with the annotated source among the candidates) in %.0f s;"
            + " %d features; wrote %s (%d bytes)%n", report.articles(), report.quotes(), report.sourceFound(),
        (System.nanoTime() - t0) / 1e9, report.features(), out, Files.size(out));
    return 0;
  }
}
