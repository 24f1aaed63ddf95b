package org.steppe.enrich.ner;

/**
 * One sentence of a CoNLL file: its tokens and the gold names over them.
 *
 * @param tokens the words, as the file splits them
 * @param names gold names over token indices, typed with {@link org.steppe.enrich.EntityType} labels
 * @param documentStart whether a new document starts here, so document-level memory is cleared
 */
public record ConllSentence(String[] tokens, NameSpan[] names, boolean documentStart) {}
