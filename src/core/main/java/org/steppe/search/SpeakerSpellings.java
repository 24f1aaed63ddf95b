package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.steppe.index.Fields;

/**
 * The speaker values of an archive that name the same person as a speaker filter: "Volcker" and
 * "Paul Volcker" are one speaker when the archive has no other full name with that surname, so
 * {@code --speaker Volcker} and {@code --speaker 'Paul Volcker'} keep the same quotes. Two people
 * who share a surname stay apart, and a bare surname then matches only itself (James Baker and
 * Howard Baker: "Baker" is neither). Read from the index's speaker values at each search.
 */
final class SpeakerSpellings {
  private SpeakerSpellings() {}

  /** The speaker values of {@code reader} that name the same speaker as {@code name}, {@code name} first. */
  static Set<String> of(IndexReader reader, String name) throws IOException {
    List<String> values = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.SPEAKER_EXACT);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        values.add(t.utf8ToString());
      }
    }
    return of(values, name);
  }

  /** The values among {@code speakerValues} (every speaker an index holds, in term order) that name the same speaker as {@code name}. */
  static Set<String> of(List<String> speakerValues, String name) {
    Set<String> out = new LinkedHashSet<>();
    out.add(name);
    List<String> words = words(name);
    if (words.isEmpty()) {
      return out;
    }
    String surname = key(words.get(words.size() - 1));
    List<String> bare = new ArrayList<>();
    List<String> full = new ArrayList<>();
    Set<String> people = new LinkedHashSet<>();
    for (String value : speakerValues) {
      List<String> w = words(value);
      if (w.isEmpty() || !key(w.get(w.size() - 1)).equals(surname)) {
        continue;
      }
      if (w.size() == 1) {
        bare.add(value);
      } else {
        full.add(value);
        people.add(key(w.get(0))); // "Paul Volcker" and "Paul A. Volcker" are one person; James and Howard Baker two
      }
    }
    boolean onePerson = people.size() == 1;
    if (words.size() == 1 && onePerson) {
      out.addAll(full);
    } else if (words.size() > 1 && onePerson && people.contains(key(words.get(0)))) {
      out.addAll(full);
      out.addAll(bare);
    }
    return out;
  }

  /** Counts the hits of a search with its speaker filter replaced by one name. */
  @FunctionalInterface
  interface Counter {
    long count(String speaker) throws IOException;
  }

  /**
   * The speaker facet with every spelling of one speaker ("Volcker", "Paul Volcker") as one value
   * under its full name, counted as the speaker filter on that name counts.
   *
   * @param spellings the spellings of a speaker value ({@link #of})
   */
  static List<FacetValue> asOne(List<FacetValue> values, java.util.function.Function<String, Set<String>> spellings, Counter count)
      throws IOException {
    java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
    values.forEach(v -> counts.put(v.value(), v.count()));
    List<FacetValue> out = new ArrayList<>();
    Set<String> done = new java.util.HashSet<>();
    for (FacetValue v : values) {
      if (done.contains(v.value())) {
        continue;
      }
      Set<String> same = spellings.apply(v.value());
      done.addAll(same);
      if (same.size() == 1) {
        out.add(v);
        continue;
      }
      String full = same.stream().filter(n -> n.strip().contains(" "))
          .max(java.util.Comparator.comparingLong(n -> counts.getOrDefault(n, 0L))).orElse(v.value());
      out.add(new FacetValue(full, count.count(full)));
    }
    out.sort(java.util.Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return out;
  }

  private static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.strip().split("\\s+")) {
      if (!w.isEmpty() && Character.isLetter(w.codePointAt(0))) {
        out.add(w);
      }
    }
    return out;
  }

  private static String key(String word) {
    return word.replaceAll("[.,]+$", "").toLowerCase(Locale.ROOT);
  }
}
