/**
 * The statistical named-entity recogniser: an OpenNLP name finder trained on CoNLL-format
 * annotations, with the reader, features, trainer and evaluation that make and measure it.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.enrich.ner;
