/**
 * The statistical named-entity recogniser: a hashed-feature averaged perceptron with Viterbi
 * decoding, trained on CoNLL-format annotations with word clusters learned from unlabelled text,
 * and the reader, trainer, clusterer and evaluation that make and measure it.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.enrich.ner;
