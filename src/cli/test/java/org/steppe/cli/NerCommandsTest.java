package org.steppe.cli;

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
import picocli.CommandLine;

class NerCommandsTest {
  static final Path TRAIN = Path.of("../shared/datasets/conll2003/eng.train");
  static final Path TESTA = Path.of("../shared/datasets/conll2003/eng.testa");

  @Test
  void trainsAModelOnAFewHundredSentencesAndEvaluatesItWithTheF1LineLast(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(TRAIN) && Files.isRegularFile(TESTA), "CoNLL-2003 files not found");
    Path train = dir.resolve("small.train");
    Path dev = dir.resolve("small.testa");
    // The first 4,000 lines of each split: a few hundred sentences, enough to learn something (about 30 F1).
    Files.write(train, Files.readAllLines(TRAIN).subList(0, 4000));
    Files.write(dev, Files.readAllLines(TESTA).subList(0, 4000));
    Path model = dir.resolve("small.bin");

    Run trained = run(new TrainNerCommand(), "--train", train.toString(), "--out", model.toString(), "--iterations", "20");
    assertEquals(0, trained.exitCode, trained.out);
    assertTrue(Files.size(model) > 10_000);

    Run evaluated = run(new EvalNerCommand(), "--model", model.toString(), dev.toString());
    assertEquals(0, evaluated.exitCode, evaluated.out);
    List<String> lines = evaluated.out.strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.matches("F1 \\d+\\.\\d\\d"), last);
    double f1 = Double.parseDouble(last.substring(3));
    // A model from a few hundred sentences is weak, but far from chance.
    assertTrue(f1 > 20 && f1 < 95, evaluated.out);
    assertTrue(evaluated.out.contains("person") && evaluated.out.contains("overall"), evaluated.out);
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
