package org.steppe.search;

import java.io.IOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.steppe.engine.EngineSupport;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Fields;

/**
 * The "about" filter: each name typed, in any spelling, becomes the canonical names the index
 * stores for it, and a hit must match every name given. Thread-safe.
 *
 * <p>A name resolves, in order, through the gazetteer's spellings (Nazarbaev → Nursultan
 * Nazarbayev), then to every name the index holds that reads the same once case, accents,
 * punctuation and initials are ignored ("donald j. trump" → Donald Trump), and only when neither
 * finds anything, to the most mentioned indexed name ending with the words typed ("Trump" →
 * Donald Trump): the surname readers type for a person the index knows by full name.
 */
final class AboutFilter {
  private final Map<String, String> canonicalBySpelling;

  AboutFilter(Gazetteer gazetteer) {
    Map<String, String> canonical = new HashMap<>();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        canonical.putIfAbsent(key(spelling), e.name());
      }
    }
    this.canonicalBySpelling = Map.copyOf(canonical);
  }

  /**
   * The filter for {@code names} on quotes (the entities a quote's words mention) or on articles
   * (the entities an article mentions).
   */
  Query filter(List<String> names, boolean quotes, IndexReader reader) throws IOException {
    return filter(names, quotes, indexedNames(reader));
  }

  /** The filter for {@code names}, resolved against the names another engine's index holds. */
  Query filter(List<String> names, boolean quotes, EngineSupport.IndexedNames index) throws IOException {
    String field = quotes ? Fields.ABOUT : Fields.ENTITY_EXACT;
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (String typed : names) {
      Set<String> indexed = resolve(typed, field, index);
      if (indexed.isEmpty()) {
        return new MatchNoDocsQuery("no entity is known as '" + typed + "'");
      }
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String name : indexed) {
        any.add(new TermQuery(new Term(field, name)), BooleanClause.Occur.SHOULD);
      }
      all.add(any.build(), BooleanClause.Occur.FILTER);
    }
    return all.build();
  }

  /** The names in {@code field} that {@code typed} stands for; empty when none. */
  Set<String> resolve(String typed, String field, IndexReader reader) throws IOException {
    return resolve(typed, field, indexedNames(reader));
  }

  /** The names a Lucene index holds: its terms, with their document frequencies. */
  private static EngineSupport.IndexedNames indexedNames(IndexReader reader) {
    return new EngineSupport.IndexedNames() {
      @Override
      public void forEach(String field, EngineSupport.NameVisitor visit) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, field);
        if (terms == null) {
          return;
        }
        TermsEnum it = terms.iterator();
        for (BytesRef t = it.next(); t != null; t = it.next()) {
          visit.accept(t.utf8ToString(), it.docFreq());
        }
      }

      @Override
      public boolean isPerson(String name) throws IOException {
        return !name.isEmpty() && reader.docFreq(org.steppe.index.DocumentBuilder.entityTerm(org.steppe.enrich.EntityType.PERSON.label(), name)) > 0;
      }
    };
  }

  private Set<String> resolve(String typed, String field, EngineSupport.IndexedNames index) throws IOException {
    String typedKey = key(typed);
    if (typedKey.isEmpty()) {
      return Set.of();
    }
    Set<String> wanted = new LinkedHashSet<>(List.of(typedKey, firstAndLast(typedKey)));
    String canonical = canonicalBySpelling.get(typedKey);
    if (canonical != null) {
      wanted.add(key(canonical));
    }
    Set<String> same = new LinkedHashSet<>();
    Set<String> surnames = new LinkedHashSet<>();
    if (!typedKey.contains(" ")) {
      surnames.add(typedKey);
    }
    index.forEach(field, (name, docFreq) -> {
      if (wanted.contains(key(name)) && index.isPerson(name)) {
        surnames.add(lastWord(key(name)));
      }
      if (wanted.contains(key(name))) {
        same.add(name);
      }
    });
    if (surnames.isEmpty()) {
      return same;
    }
    // One person, one name: a surname alone and the full name most often mentioned with it are
    // the same person across the archive (within an article the resolver has joined them already).
    Map<String, String> bestFull = new HashMap<>();
    Map<String, Integer> bestCount = new HashMap<>();
    List<String> alone = new java.util.ArrayList<>();
    Map<String, List<String>> fullByKey = new HashMap<>();
    index.forEach(field, (name, docFreq) -> {
      String k = key(name);
      String last = lastWord(k);
      if (!surnames.contains(last) || !index.isPerson(name)) {
        return;
      }
      if (!k.contains(" ")) {
        alone.add(name);
        return;
      }
      fullByKey.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(name);
      if (docFreq > bestCount.getOrDefault(last, 0)) {
        bestFull.put(last, name);
        bestCount.put(last, docFreq);
      }
    });
    for (String surname : surnames) {
      String full = bestFull.get(surname);
      boolean typedThisPerson = full != null && (same.contains(full) || same.stream().noneMatch(n -> key(n).contains(" ")));
      if (typedThisPerson) {
        same.addAll(fullByKey.get(key(full)));
        for (String name : alone) {
          if (key(name).equals(surname)) {
            same.add(name);
          }
        }
      }
    }
    return same;
  }

  private static String lastWord(String key) {
    return key.substring(key.lastIndexOf(' ') + 1);
  }

  /** "hillary rodham clinton" as "hillary clinton": a middle name the index may not hold. */
  private static String firstAndLast(String key) {
    int first = key.indexOf(' ');
    return first < 0 ? key : key.substring(0, first) + " " + lastWord(key);
  }

  /** A name as compared: lower case, no accents, no punctuation, no one-letter initials. */
  static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 1 || (word.length() == 1 && Character.isDigit(word.charAt(0)))) {
        out.append(out.isEmpty() ? "" : " ").append(word);
      }
    }
    // "U.N." is all initials: keep its letters together rather than nothing.
    return out.isEmpty() ? folded.replaceAll("[^\\p{L}\\p{N}]+", "") : out.toString();
  }
}
