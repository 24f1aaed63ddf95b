package org.steppe.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.steppe.enrich.ner.ConllReader;
import org.steppe.enrich.ner.ConllSentence;
import org.steppe.enrich.ner.NerEvaluation;
import org.steppe.enrich.ner.NerModel;
import org.steppe.enrich.ner.NerModels;
import org.steppe.enrich.ner.NerTagger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scores a named-entity model on a CoNLL-format file, as conlleval does. */
@Command(name = "eval-ner", mixinStandardHelpOptions = true,
    description = {"Scores a named-entity model on a CoNLL-format file: exact span and type, per-type and",
        "micro-averaged precision, recall and F1. The last line is 'F1 <percent>'."})
public final class EvalNerCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "CoNLL-format file with gold tags.")
  Path file;

  @Option(names = "--model", paramLabel = "MODEL", description = "Model file (default: the model built into Steppe).")
  Path model;

  @Option(names = "--passes", paramLabel = "N",
      description = "Tag the file N times and report the last pass, so the speed is measured after JIT warm-up (default: ${DEFAULT-VALUE}).")
  int passes = 1;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new CommandLine.ParameterException(new CommandLine(this), "no such file: " + file);
    }
    NerModel m = model == null
        ? NerModels.builtIn().orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this),
            "no model is built in; pass --model"))
        : NerModel.read(model);
    if (passes < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--passes must be at least 1");
    }
    List<ConllSentence> sentences = ConllReader.read(file);
    NerEvaluation eval = NerTagger.evaluate(m, sentences);
    for (int i = 1; i < passes; i++) {
      eval = NerTagger.evaluate(m, sentences);
    }
    System.out.println(eval.report());
    return 0;
  }

  /** Runs the command on its own, with the command line's error mapping. */
  public static void main(String[] args) {
    System.exit(Main.execute(new EvalNerCommand(), args));
  }
}
