package org.steppe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * Each open reader's speaker values grouped by surname, read once per reader: a search asks for
   * the spellings of up to 50 speaker facet values, and scanning every speaker value of the index
   * for each of them cost hundreds of milliseconds a search on Reuters-21578. Dropped when the
   * reader closes (a refreshed searcher has a new reader, so a new index).
   */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private static final Map<IndexReader.CacheKey, BySurname> BY_READER = new ConcurrentHashMap<>();

  /** The speaker values of {@code reader} that name the same speaker as {@code name}, {@code name} first. */
  static Set<String> of(IndexReader reader, String name) throws IOException {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return of(values(reader), name);
    }
    try {
      BySurname index = BY_READER.computeIfAbsent(helper.getKey(), key -> {
        try {
          BySurname made = new BySurname(values(reader));
          helper.addClosedListener(BY_READER::remove);
          return made;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return index.of(name);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Every speaker value of {@code reader}, in term order. */
  private static List<String> values(IndexReader reader) throws IOException {
    List<String> values = new ArrayList<>();
    Terms terms = MultiTerms.getTerms(reader, Fields.SPEAKER_EXACT);
    if (terms != null) {
      TermsEnum it = terms.iterator();
      for (BytesRef t = it.next(); t != null; t = it.next()) {
        values.add(t.utf8ToString());
      }
    }
    return values;
  }

  /** Speaker values by the key of their last word, each group in term order and read into words once. */
  private static final class BySurname {
    private static final int REMEMBERED = 20_000;
    private final Map<String, List<Spelling>> groups = new HashMap<>();

    BySurname(List<String> values) {
      for (String value : values) {
        List<String> w = words(value);
        if (!w.isEmpty()) {
          groups.computeIfAbsent(key(w.get(w.size() - 1)), k -> new ArrayList<>()).add(new Spelling(value, w));
        }
      }
    }

    /** Answers already given, up to {@link #REMEMBERED}: the facet asks for the same top speakers search after search. */
    private final Map<String, Set<String>> answers = new ConcurrentHashMap<>();

    Set<String> of(String name) {
      Set<String> known = answers.get(name);
      if (known != null) {
        return known;
      }
      List<String> words = words(name);
      Set<String> out = java.util.Collections.unmodifiableSet(words.isEmpty() ? new LinkedHashSet<>(List.of(name))
          : choose(name, words, groups.getOrDefault(key(words.get(words.size() - 1)), List.of())));
      if (answers.size() < REMEMBERED) {
        answers.put(name, out);
      }
      return out;
    }
  }

  /** A speaker value, how many words it has, and the key of its first word. */
  private record Spelling(String value, int words, String first) {
    Spelling(String value, List<String> words) {
      this(value, words.size(), key(words.get(0)));
    }
  }

  /** The values among {@code speakerValues} (every speaker an index holds, in term order) that name the same speaker as {@code name}. */
  static Set<String> of(List<String> speakerValues, String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return new LinkedHashSet<>(List.of(name));
    }
    String surname = key(words.get(words.size() - 1));
    List<Spelling> same = new ArrayList<>();
    for (String value : speakerValues) {
      List<String> w = words(value);
      if (!w.isEmpty() && key(w.get(w.size() - 1)).equals(surname)) {
        same.add(new Spelling(value, w));
      }
    }
    return choose(name, words, same);
  }

  /** {@code name} and those of {@code same} (the values with its surname, in term order) that name the same speaker. */
  private static Set<String> choose(String name, List<String> words, List<Spelling> same) {
    Set<String> out = new LinkedHashSet<>();
    out.add(name);
    List<String> bare = new ArrayList<>();
    List<String> full = new ArrayList<>();
    Set<String> people = new LinkedHashSet<>();
    for (Spelling s : same) {
      if (s.words() == 1) {
        bare.add(s.value());
      } else {
        full.add(s.value());
        people.add(s.first()); // "Paul Volcker" and "Paul A. Volcker" are one person; James and Howard Baker two
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
    return asOneCounted(values, spellings, names -> {
      long[] out = new long[names.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = count.count(names.get(i));
      }
      return out;
    });
  }

  /** Counts the hits of a search with its speaker filter replaced by each of several names, in one go. */
  @FunctionalInterface
  interface Counts {
    long[] count(List<String> speakers) throws IOException;
  }

  /** {@link #asOne}, with the merged values' counts asked for all at once. */
  static List<FacetValue> asOneCounted(List<FacetValue> values, java.util.function.Function<String, Set<String>> spellings, Counts counts)
      throws IOException {
    java.util.Map<String, Long> given = new java.util.LinkedHashMap<>();
    values.forEach(v -> given.put(v.value(), v.count()));
    List<FacetValue> out = new ArrayList<>();
    List<String> merged = new ArrayList<>();
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
      merged.add(same.stream().filter(n -> n.strip().contains(" "))
          .max(java.util.Comparator.comparingLong(n -> given.getOrDefault(n, 0L))).orElse(v.value()));
    }
    long[] c = merged.isEmpty() ? new long[0] : counts.count(merged);
    for (int i = 0; i < c.length; i++) {
      out.add(new FacetValue(merged.get(i), c[i]));
    }
    out.sort(java.util.Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return out;
  }

  private static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    for (String w : SPACES.split(name.strip())) {
      if (!w.isEmpty() && Character.isLetter(w.codePointAt(0))) {
        out.add(w);
      }
    }
    return out;
  }

  /** A word without its trailing full stops and commas, in lower case. */
  private static String key(String word) {
    int end = word.length();
    while (end > 0 && (word.charAt(end - 1) == '.' || word.charAt(end - 1) == ',')) {
      end--;
    }
    return word.substring(0, end).toLowerCase(Locale.ROOT);
  }
}
