package org.steppe.enrich.ner;

import java.io.IOException;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.steppe.enrich.Gazetteer;

/**
 * Trains an English name finder on CoNLL sentences with Steppe's features.
 *
 * @param algorithm OpenNLP's trainer: {@code PERCEPTRON} or {@code MAXENT}
 * @param iterations training passes
 * @param cutoff features seen fewer times than this are dropped
 * @param threads threads for the maxent trainer (the perceptron uses one)
 */
public record NerTrainer(String algorithm, int iterations, int cutoff, int threads) {
  /** The settings the shipped model was trained with (see docs/ner.md). */
  public static final NerTrainer DEFAULT = new NerTrainer("PERCEPTRON", 100, 1, 2);

  public NerTrainer {
    if (!algorithm.equals("PERCEPTRON") && !algorithm.equals("MAXENT")) {
      throw new IllegalArgumentException("algorithm must be PERCEPTRON or MAXENT, not " + algorithm);
    }
    if (iterations < 1 || cutoff < 0 || threads < 1) {
      throw new IllegalArgumentException("iterations and threads must be positive and cutoff not negative");
    }
  }

  /** A model trained on {@code sentences}, with {@code gazetteer}'s words as a feature. */
  public TokenNameFinderModel train(List<ConllSentence> sentences, Gazetteer gazetteer) throws IOException {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
    params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    params.put(TrainingParameters.THREADS_PARAM, threads);
    NameSample[] samples = sentences.stream().map(ConllSentence::toNameSample).toArray(NameSample[]::new);
    // A null type keeps each name's own type (person, organization, place, misc) in one model.
    return NameFinderME.train("en", null, ObjectStreamUtils.createObjectStream(samples), params,
        NerFeatures.factory(gazetteer));
  }
}
