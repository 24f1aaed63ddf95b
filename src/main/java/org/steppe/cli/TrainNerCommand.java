package org.steppe.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.ner.ConllReader;
import org.steppe.enrich.ner.ConllSentence;
import org.steppe.enrich.ner.NerTrainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a named-entity model from a CoNLL-format file. */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
    description = {"Trains a named-entity model from CoNLL-format annotations (token ... tag per line, IOB1 or IOB2,",
        "types PER/ORG/LOC/MISC). With the defaults it reproduces the model Steppe ships (docs/ner.md)."})
public final class TrainNerCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "FILE", description = "CoNLL-format training file.")
  Path train;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
  Path out;

  @Option(names = "--iterations", paramLabel = "N", description = "Training passes (default: ${DEFAULT-VALUE}).")
  int iterations = NerTrainer.DEFAULT.iterations();

  @Option(names = "--cutoff", paramLabel = "N", description = "Drop features seen fewer times (default: ${DEFAULT-VALUE}).")
  int cutoff = NerTrainer.DEFAULT.cutoff();

  @Option(names = "--algorithm", paramLabel = "NAME", description = "PERCEPTRON or MAXENT (default: ${DEFAULT-VALUE}).")
  String algorithm = NerTrainer.DEFAULT.algorithm();

  @Option(names = "--threads", paramLabel = "N", description = "Threads for MAXENT (default: ${DEFAULT-VALUE}).")
  int threads = NerTrainer.DEFAULT.threads();

  @Option(names = "--config", paramLabel = "DIR",
      description = "Configuration folder whose gazetteer.yaml becomes a feature (default: index-config/ if present, else built-in).")
  Path config;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(train)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "no such training file: " + train);
    }
    NerTrainer trainer;
    try {
      trainer = new NerTrainer(algorithm.toUpperCase(Locale.ROOT), iterations, cutoff, threads);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    List<ConllSentence> sentences = ConllReader.read(train);
    Gazetteer gazetteer = Gazetteer.load(config == null ? ConfigDir.defaultLocation() : ConfigDir.of(config));
    long t0 = System.nanoTime();
    TokenNameFinderModel model = trainer.train(sentences, gazetteer);
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (OutputStream os = Files.newOutputStream(out)) {
      model.serialize(os);
    }
    System.out.printf(Locale.ROOT, "trained on %d sentences in %.0f s (%s, %d iterations, cutoff %d); wrote %s (%d bytes)%n",
        sentences.size(), seconds, trainer.algorithm(), iterations, cutoff, out, Files.size(out));
    return 0;
  }

  /** Runs the command on its own, with the command line's error mapping. */
  public static void main(String[] args) {
    System.exit(Main.execute(new TrainNerCommand(), args));
  }
}
