package org.steppe.enrich.ner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/** Runs a model over CoNLL sentences, document by document, and scores it. */
public final class NerTagger {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private NerTagger() {}

  /** The conlleval score of {@code model} on {@code sentences}, with the tagging CPU time. */
  public static NerEvaluation evaluate(NerModel model, List<ConllSentence> sentences) {
    DocumentTagger tagger = model.newTagger();
    NerEvaluation eval = new NerEvaluation();
    for (List<ConllSentence> document : NerTrainer.documents(sentences)) {
      List<String[]> words = new ArrayList<>(document.size());
      document.forEach(s -> words.add(s.tokens()));
      // CPU time of this thread, not wall time: throughput per core, whatever else the machine runs.
      long t0 = THREADS.getCurrentThreadCpuTime();
      List<NameSpan[]> predicted = tagger.tag(words);
      eval.addTaggingTime(THREADS.getCurrentThreadCpuTime() - t0);
      for (int i = 0; i < document.size(); i++) {
        eval.add(document.get(i).tokens().length, document.get(i).names(), predicted.get(i));
      }
    }
    return eval;
  }
}
