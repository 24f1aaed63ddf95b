package org.steppe.enrich.ner;

import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * One sentence of a CoNLL file: its tokens and the gold names over them.
 *
 * @param tokens the words, as the file splits them
 * @param names gold entity spans over token indices, typed with {@link org.steppe.enrich.EntityType} labels
 * @param documentStart whether a new document starts here, so document-level memory is cleared
 */
public record ConllSentence(String[] tokens, Span[] names, boolean documentStart) {

  /** This sentence as OpenNLP training data. */
  public NameSample toNameSample() {
    return new NameSample(tokens, names, documentStart);
  }
}
