package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.enrich.ner.NerModels;
import org.steppe.enrich.ner.WordClusters;
import picocli.CommandLine;

class NerCommandsTest {
  static final Path TRAIN = Path.of("../shared/datasets/conll2003/eng.train");
  static final Path TESTA = Path.of("../shared/datasets/conll2003/eng.testa");

  @Test
  void trainsAModelOnAFewHundredSentencesAndEvaluatesItWithTheF1LineLast(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(TRAIN) && Files.isRegularFile(TESTA), "CoNLL-2003 files not found");
    Path train = dir.resolve("small.train");
    Path dev = dir.resolve("small.testa");
    // The first 4,000 lines of each split: a few hundred sentences, enough to learn something.
    Files.write(train, Files.readAllLines(TRAIN).subList(0, 4000));
    Files.write(dev, Files.readAllLines(TESTA).subList(0, 4000));
    Path model = dir.resolve("small.model");

    Run trained = run(new TrainNerCommand(), "--train", train.toString(), "--out", model.toString(), "--iterations", "5");
    assertEquals(0, trained.exitCode, trained.out);
    assertTrue(Files.size(model) > 10_000);

    Run evaluated = run(new EvalNerCommand(), "--model", model.toString(), dev.toString());
    assertEquals(0, evaluated.exitCode, evaluated.out);
    List<String> lines = evaluated.out.strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.matches("F1 \\d+\\.\\d\\d"), last);
    double f1 = Double.parseDouble(last.substring(3));
    // A model from a few hundred sentences is weak, but far from chance.
    assertTrue(f1 > 40 && f1 < 95, evaluated.out);
    assertTrue(evaluated.out.contains("person") && evaluated.out.contains("overall"), evaluated.out);

    // Training is deterministic: the same inputs and seed give the same bytes; another seed does not.
    Path again = dir.resolve("again.model");
    assertEquals(0, run(new TrainNerCommand(), "--train", train.toString(), "--out", again.toString(), "--iterations", "5").exitCode);
    assertEquals(-1, Files.mismatch(model, again), "retraining changed the model");
    Path otherSeed = dir.resolve("seed.model");
    assertEquals(0, run(new TrainNerCommand(), "--train", train.toString(), "--out", otherSeed.toString(), "--iterations", "5",
        "--seed", "7").exitCode);
    assertTrue(Files.mismatch(model, otherSeed) >= 0, "the seed should change the training order");
  }

  @Test
  void trainNerWithItsDefaultsReproducesTheShippedModelByteForByte(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(TRAIN), "CoNLL-2003 training split not found");
    Path model = dir.resolve("en-ner-conll.model");
    Run trained = run(new TrainNerCommand(), "--train", TRAIN.toString(), "--out", model.toString());
    assertEquals(0, trained.exitCode, trained.out);
    byte[] shipped;
    try (var in = NerModels.class.getResourceAsStream(NerModels.BUILT_IN)) {
      shipped = in.readAllBytes();
    }
    assertArrayEquals(shipped, Files.readAllBytes(model), "train-ner with its defaults should rebuild " + NerModels.BUILT_IN);
  }

  @Test
  void clusterWordsGivesEveryFrequentWordAClusterAndTheSameFileTwice(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(TRAIN), "CoNLL-2003 training split not found");
    Path conll = dir.resolve("slice.conll");
    Files.write(conll, Files.readAllLines(TRAIN).subList(0, 30_000));
    Path first = dir.resolve("first.tsv");
    Path second = dir.resolve("second.tsv");
    for (Path out : List.of(first, second)) {
      Run run = run(new ClusterWordsCommand(), "corpus", "--conll", conll.toString(), "--out", out.toString(),
          "--classes", "8,32", "--min-count", "3", "--iterations", "5");
      assertEquals(0, run.exitCode, run.out);
    }
    assertEquals(-1, Files.mismatch(first, second), "the same text should give the same clusters");
    WordClusters clusters = WordClusters.read(first);
    assertEquals(2, clusters.resolutions());
    List<String> lines = Files.readAllLines(first).stream().filter(l -> !l.startsWith("#")).toList();
    assertEquals(lines.size(), clusters.size());
    // Frequent words of both inputs (the CoNLL slice and the seed corpus) are clustered; numbers stay in range.
    for (String word : List.of("the", "said", "Kazakhstan", ",")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(word + "\t")), word + " should have a cluster");
    }
    for (String l : lines) {
      String[] ids = l.substring(l.indexOf('\t') + 1).split(" ");
      assertTrue(Integer.parseInt(ids[0]) < 8 && Integer.parseInt(ids[1]) < 32, l);
    }
  }

  @Test
  void rejectsAMissingFileWithAUsageError(@TempDir Path dir) {
    Run run = run(new EvalNerCommand(), dir.resolve("missing.conll").toString());
    assertEquals(2, run.exitCode);
  }

  private record Run(int exitCode, String out) {}

  private static Run run(Object command, String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
      int code = new CommandLine(command).execute(args);
      return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(saved);
    }
  }
}
