package org.steppe.enrich.ner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/** Runs a model over CoNLL sentences, document by document, and scores it. */
public final class NerTagger {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private NerTagger() {}

  /** The conlleval score of {@code model} on {@code sentences}. */
  public static NerEvaluation evaluate(TokenNameFinderModel model, List<ConllSentence> sentences) {
    NameFinderME finder = new NameFinderME(model);
    NerEvaluation eval = new NerEvaluation();
    for (ConllSentence s : sentences) {
      if (s.documentStart()) {
        finder.clearAdaptiveData();
      }
      // CPU time of this thread, not wall time: throughput per core, whatever else the machine runs.
      long t0 = THREADS.getCurrentThreadCpuTime();
      Span[] predicted = finder.find(s.tokens());
      eval.addTaggingTime(THREADS.getCurrentThreadCpuTime() - t0);
      eval.add(s.tokens().length, s.names(), predicted);
    }
    return eval;
  }
}
