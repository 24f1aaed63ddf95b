package org.steppe.enrich.ner;

import java.util.Map;
import java.util.TreeMap;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.Token;

/**
 * The gazetteer's capitalised words, each with the set of types of the entities whose spellings
 * use it ("nazarbayev" → person), for the tagger's gazetteer feature. A model stores the words it
 * was trained with, so editing the gazetteer changes the model only when it is retrained.
 */
final class GazetteerWords {
  private GazetteerWords() {}

  /** The words of {@code gazetteer} by matching key, each with one bit per type; lower-case words like "of" are left out as noise. */
  static WordTable of(Gazetteer gazetteer) {
    Map<String, Integer> types = new TreeMap<>();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        for (Token t : Token.tokenize(spelling)) {
          if (Character.isUpperCase(t.text().charAt(0))) {
            types.merge(t.key(), 1 << e.type().ordinal(), (a, b) -> a | b);
          }
        }
      }
    }
    return new WordTable(types);
  }
}
