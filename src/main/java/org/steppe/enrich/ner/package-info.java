/**
 * The statistical named-entity recogniser: an OpenNLP name finder trained on CoNLL-format
 * annotations, with the reader, features, trainer and evaluation that make and measure it.
 */
package org.steppe.enrich.ner;
