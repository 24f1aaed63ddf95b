package org.steppe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.ner.ConllReader;
import org.steppe.enrich.ner.ConllSentence;
import org.steppe.enrich.ner.NerModel;
import org.steppe.enrich.ner.NerTrainer;
import org.steppe.enrich.ner.WordClusters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a named-entity model from a CoNLL-format file. */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
    description = {"Trains a named-entity model from CoNLL-format annotations (token ... tag per line, IOB1 or IOB2,",
        "types PER/ORG/LOC/MISC). With the defaults it reproduces the model Steppe ships, byte for byte (docs/ner.md)."})
public final class TrainNerCommand implements Callable<Integer> {
  @Option(names = "--train", required = true, paramLabel = "FILE", description = "CoNLL-format training file.")
  Path train;

  @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
  Path out;

  @Option(names = "--iterations", paramLabel = "N", description = "Training passes (default: ${DEFAULT-VALUE}).")
  int iterations = NerTrainer.DEFAULT.iterations();

  @Option(names = "--bits", paramLabel = "N", description = "The weight table has 2^N rows (default: ${DEFAULT-VALUE}).")
  int bits = NerTrainer.DEFAULT.bits();

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the training order (default: ${DEFAULT-VALUE}).")
  long seed = NerTrainer.DEFAULT.seed();

  @Option(names = "--clusters", paramLabel = "FILE",
      description = "Word clusters (word, tab, cluster numbers) from `cluster-words` (default: the clusters built into Steppe).")
  Path clusters;

  @Option(names = "--no-clusters", description = "Train without word clusters.")
  boolean noClusters;

  @Option(names = "--config", paramLabel = "DIR",
      description = {"Configuration folder whose gazetteer.yaml becomes a feature (default: none, so the shipped model",
          "does not change when the gazetteer is edited; the gazetteer recogniser reads it directly)."})
  Path config;

  @Option(names = "--dev", paramLabel = "FILE", description = "CoNLL-format file to score after every pass (for choosing settings).")
  Path dev;

  @Override
  public Integer call() throws Exception {
    for (Path p : new Path[] {train, clusters, dev}) {
      if (p != null && !Files.isRegularFile(p)) {
        throw new CommandLine.ParameterException(new CommandLine(this), "no such file: " + p);
      }
    }
    NerTrainer trainer;
    try {
      trainer = new NerTrainer(iterations, bits, seed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    List<ConllSentence> sentences = ConllReader.read(train);
    Gazetteer gazetteer = config == null ? new Gazetteer(List.of()) : Gazetteer.load(ConfigDir.of(config));
    WordClusters wordClusters = noClusters ? WordClusters.NONE
        : clusters != null ? WordClusters.read(clusters) : WordClusters.builtIn().orElse(WordClusters.NONE);
    long t0 = System.nanoTime();
    NerModel model = trainer.train(sentences, wordClusters, gazetteer, System.out, dev == null ? null : ConllReader.read(dev));
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    model.write(out);
    System.out.printf(Locale.ROOT, "trained on %d sentences in %.0f s (%d iterations, 2^%d rows, seed %d, %d cluster words); wrote %s (%d bytes)%n",
        sentences.size(), seconds, iterations, bits, seed, wordClusters.size(), out, Files.size(out));
    return 0;
  }

  /** Runs the command on its own, with the command line's error mapping. */
  public static void main(String[] args) {
    System.exit(Main.execute(new TrainNerCommand(), args));
  }
}
