package org.steppe.enrich.quote;

import java.util.Set;

/**
 * One possible speaker of a quote, for {@link AttributionRanker} to weigh: the words naming it
 * (null for "nobody the text names") and which attribution rules point at it.
 *
 * @param cue the words naming the candidate, or null for the "nobody" candidate
 * @param rules the rules that found it: {@code after}, {@code before}, {@code colon}, {@code subject},
 *     {@code chosen} (the rules' own answer), {@code previous} (the speaker of the quote before)
 */
record SpeakerCandidate(Cue cue, Set<String> rules) {
  SpeakerCandidate {
    rules = Set.copyOf(rules);
  }

  /** The candidate standing for "the text names no speaker". */
  static final SpeakerCandidate NOBODY = new SpeakerCandidate(null, Set.of());

  boolean nobody() {
    return cue == null;
  }
}
