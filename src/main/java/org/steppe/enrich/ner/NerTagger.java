package org.steppe.enrich.ner;

import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/** Runs a model over CoNLL sentences, document by document, and scores it. */
public final class NerTagger {
  private NerTagger() {}

  /** The conlleval score of {@code model} on {@code sentences}. */
  public static NerEvaluation evaluate(TokenNameFinderModel model, List<ConllSentence> sentences) {
    NameFinderME finder = new NameFinderME(model);
    NerEvaluation eval = new NerEvaluation();
    for (ConllSentence s : sentences) {
      if (s.documentStart()) {
        finder.clearAdaptiveData();
      }
      Span[] predicted = finder.find(s.tokens());
      eval.add(s.tokens().length, s.names(), predicted);
    }
    return eval;
  }
}
