package org.steppe.search;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.steppe.index.AnalyzedWords;
import org.steppe.index.Fields;

/**
 * Did-you-mean: rewrites a plain keyword query that found little by replacing each word the index
 * has never seen with the nearest indexed word, spelled as the archive spells it.
 *
 * <p>Only queries made of words (and AND/OR/NOT between them) are rewritten: anything with fields,
 * quotes, wildcards or other syntax is left alone rather than risk changing its meaning. A
 * correction is offered only when it finds more hits than the query typed. Thread-safe.
 */
final class SpellingCorrector {
  /** A query finding fewer hits than this is worth a second look. */
  static final int FEW_HITS = 3;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:['’\\-][\\p{L}\\p{N}]++)*+");
  /** Words separated by spaces; possessive, and with a space required between words, so a long non-matching query fails fast. */
  private static final Pattern SIMPLE = Pattern.compile("\\s*+" + WORD.pattern() + "(?:\\s++" + WORD.pattern() + ")*+\\s*+");
  private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");
  /** Where corrections come from: the words of articles and the names of their entities. */
  private static final List<String> FIELDS = List.of(Fields.BODY, Fields.TITLE, Fields.ENTITY);
  /** Fields with offsets in their postings, from which a stem's written form can be read back. */
  private static final List<String> SPELLED_FIELDS = List.of(Fields.BODY, Fields.TITLE);
  private static final int SURFACE_SAMPLES = 8;

  /** Counts the hits of a query string with the original request's filters. */
  @FunctionalInterface
  interface HitCounter {
    long count(String query) throws IOException;
  }

  /** The words an engine's index holds, as the corrector asks about them. */
  interface Lexicon {
    /** Whether any of a word's query tokens (synonyms included) is in the body, title or entity names. */
    boolean knows(List<String> queryTokens) throws IOException;

    /** The indexed term nearest to {@code stem} in the body, title or entity names, or {@code null}. */
    String nearest(String stem) throws IOException;

    /** How articles write the indexed term {@code stem}, of their spellings the nearest to {@code typed}. */
    String writtenForm(String stem, String typed) throws IOException;
  }

  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;

  SpellingCorrector(Analyzer indexAnalyzer, Analyzer queryAnalyzer) {
    this.indexAnalyzer = indexAnalyzer;
    this.queryAnalyzer = queryAnalyzer;
  }

  /** A better query than {@code query}, which found {@code hits} in the index {@code reader} reads, or {@code null}. */
  String correct(IndexReader reader, String query, long hits, HitCounter counter) throws IOException {
    return correct(new IndexLexicon(reader), query, hits, counter);
  }

  /** A better query than {@code query}, which found {@code hits}, or {@code null} when there is none. */
  String correct(Lexicon lexicon, String query, long hits, HitCounter counter) throws IOException {
    if (query == null || hits >= FEW_HITS || !SIMPLE.matcher(query).matches()) {
      return null;
    }
    Matcher m = WORD.matcher(query);
    StringBuilder out = new StringBuilder();
    int last = 0;
    boolean changed = false;
    while (m.find()) {
      String word = m.group();
      String fix = OPERATORS.contains(word) ? null : fix(lexicon, word);
      out.append(query, last, m.start()).append(fix != null ? fix : word);
      changed |= fix != null;
      last = m.end();
    }
    out.append(query, last, query.length());
    if (!changed) {
      return null;
    }
    String corrected = out.toString();
    try {
      return counter.count(corrected) > hits ? corrected : null;
    } catch (QuerySyntaxException e) {
      return null; // a correction that cannot be run is no help
    }
  }

  /** The nearest indexed word to {@code word}, or {@code null} when the index knows it or has nothing close. */
  private String fix(Lexicon lexicon, String word) throws IOException {
    List<String> queryTokens = tokens(queryAnalyzer, word);
    if (queryTokens.isEmpty() || lexicon.knows(queryTokens)) {
      return null; // nothing searchable, or known: nothing to correct
    }
    List<String> stems = tokens(indexAnalyzer, word);
    if (stems.size() != 1) {
      return null; // a hyphenated or odd word: no single term to correct
    }
    String nearest = lexicon.nearest(stems.get(0));
    return nearest == null ? null : lexicon.writtenForm(nearest, word);
  }

  /** The embedded index's words: document frequencies, Lucene's direct spell checker, postings offsets. */
  private static final class IndexLexicon implements Lexicon {
    private static final DirectSpellChecker CHECKER = new DirectSpellChecker(); // configured once, then only read
    private final IndexReader reader;

    IndexLexicon(IndexReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean knows(List<String> queryTokens) throws IOException {
      for (String t : queryTokens) {
        for (String field : FIELDS) {
          if (reader.docFreq(new Term(field, t)) > 0) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public String nearest(String stem) throws IOException {
      SuggestWord best = null;
      for (String field : FIELDS) {
        SuggestWord[] found = CHECKER.suggestSimilar(new Term(field, stem), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (found.length > 0 && (best == null || found[0].score > best.score
            || (found[0].score == best.score && found[0].freq > best.freq))) {
          best = found[0];
        }
      }
      return best == null ? null : best.string;
    }

    @Override
    public String writtenForm(String stem, String typed) throws IOException {
      return SpellingCorrector.writtenForm(reader, stem, typed);
    }
  }

  /**
   * The indexed term {@code stem} as articles write it ("kazakstan" → "Kazakstan"), read back
   * through postings offsets from a few documents; of those spellings, the one nearest to what was
   * typed. Falls back to the term itself (entity names are indexed without offsets).
   */
  private static String writtenForm(IndexReader reader, String stem, String typed) throws IOException {
    String best = null;
    float bestScore = -1;
    int samples = 0;
    for (String field : SPELLED_FIELDS) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(field);
        if (terms == null || !terms.hasOffsets()) {
          continue;
        }
        TermsEnum te = terms.iterator();
        if (!te.seekExact(new BytesRef(stem))) {
          continue;
        }
        PostingsEnum postings = te.postings(null, PostingsEnum.OFFSETS);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && samples < SURFACE_SAMPLES;
            doc = postings.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          String text = leaf.reader().storedFields().document(doc, Set.of(field)).get(field);
          for (int i = 0; i < Math.min(postings.freq(), 3) && text != null; i++) {
            postings.nextPosition();
            int start = postings.startOffset();
            int end = postings.endOffset();
            if (start < 0 || end > text.length()) {
              break;
            }
            String written = text.substring(start, end);
            float score = closeness(written, typed);
            if (score > bestScore) {
              best = withoutPossessive(written);
              bestScore = score;
            }
          }
          samples++;
        }
      }
    }
    return best != null ? best : stem;
  }

  /**
   * How close a written form is to what was typed (1 the same), its possessive aside. Spellings
   * equally close but for their letter case ("Petroleum", "petroleum") are told apart by the case
   * typed, so the choice does not depend on which article was read first.
   */
  static float closeness(String written, String typed) {
    LevenshteinDistance distance = new LevenshteinDistance();
    String word = withoutPossessive(written);
    return distance.getDistance(word.toLowerCase(Locale.ROOT), typed.toLowerCase(Locale.ROOT)) + 1e-3f * distance.getDistance(word, typed);
  }

  /** Offsets cover the token before the possessive filter trims it: "Kazakstan’s" is written "Kazakstan". */
  static String withoutPossessive(String s) {
    return s.replaceFirst("['’][sS]$", "");
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    return AnalyzedWords.of(analyzer, Fields.BODY, text);
  }
}
