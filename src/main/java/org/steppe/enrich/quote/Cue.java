package org.steppe.enrich.quote;

import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Token;

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

  /** The name an entity mention is. */
  static Cue of(EntityMention e) {
    return new Cue(e.start(), e.end(), Type.NAME, e, "");
  }

  /** A name no recogniser tagged, spanning {@code [start, end)}. */
  static Cue name(int start, int end) {
    return new Cue(start, end, Type.NAME, null, "");
  }

  /** The pronoun a word is. */
  static Cue pronoun(Token t) {
    return new Cue(t.start(), t.end(), Type.PRONOUN, null, t.key());
  }
}
