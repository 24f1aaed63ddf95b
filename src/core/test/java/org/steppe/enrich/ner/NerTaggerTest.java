package org.steppe.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerTaggerTest {
  static final Path TESTA = Path.of("../shared/datasets/conll2003/eng.testa");

  @Test
  void theShippedModelScoresWellOnTheFirstDevelopmentSentences() throws Exception {
    assumeTrue(Files.isRegularFile(TESTA), "CoNLL-2003 dev split not found at " + TESTA);
    List<ConllSentence> slice = ConllReader.read(TESTA).subList(0, 600);
    NerModel model = NerModels.builtIn().orElseThrow();
    NerEvaluation eval = NerTagger.evaluate(model, slice);
    assertTrue(eval.overall().gold() > 900, "the slice should hold many names: " + eval.overall().gold());
    assertTrue(eval.overall().f1() > 85, eval.report());
    assertTrue(eval.type("person").f1() > 88, eval.report());
    assertTrue(eval.type("place").f1() > 85, eval.report());
  }
}
