package org.steppe.enrich.quote;

/**
 * Where a quote's attribution was found: the words naming the speaker, the stretch of attribution
 * text around them (to show as context and to judge the quote's kind), and on which side of the quote.
 *
 * @param cue the words naming the speaker; null when the attribution names nobody resolvable ("a source said")
 * @param from offset where the attribution text begins
 * @param to offset where it ends
 * @param side after the quote ("…,” he said), before it (He said: “…”), or inside its sentence (partial)
 */
record Attribution(Cue cue, int from, int to, Side side) {
  enum Side { AFTER, BEFORE }
}
