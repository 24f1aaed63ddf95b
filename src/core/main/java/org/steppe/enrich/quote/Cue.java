package org.steppe.enrich.quote;

import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Token;

/**
 * The words that name a quote's speaker, before they are resolved to a person.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param type a name, a pronoun ("he"), a role noun phrase ("the Vice-Minister"), a group speaking for
 *     a name ("the Trump campaign") or a description of an unnamed source ("a top aide", "analysts")
 * @param entity the resolved entity mention the words are, when they are one
 * @param key the matching key of the pronoun, role noun, group noun or the description's head (empty for names)
 */
record Cue(int start, int end, Type type, EntityMention entity, String key) {
  enum Type { NAME, PRONOUN, ROLE, GROUP, DESCRIPTION }

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
