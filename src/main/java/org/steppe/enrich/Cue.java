package org.steppe.enrich;

/**
 * The words that name a quote's speaker, before they are resolved to a person.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param type a name, a pronoun ("he") or a role noun phrase ("the Vice-Minister")
 * @param entity the resolved entity mention the words are, when they are one
 * @param key the matching key of the pronoun or role noun (empty for names)
 */
record Cue(int start, int end, Type type, EntityMention entity, String key) {
  enum Type { NAME, PRONOUN, ROLE }
}
