package org.steppe.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's classic parser over Steppe's weighted fields, with three changes. A plain word is
 * scored once over all fields together (BM25F: Lucene's {@link CombinedFieldQuery}, each field's
 * occurrences and length counted by its weight), so a word in the title and the body is one strong
 * match rather than two sums. Words run together by punctuation ({@code AT&T}, {@code G-7}) are a
 * phrase, not a choice between their parts; a compound of longer words ({@code three-dimensional})
 * needs all its words, together or apart ({@link #compoundParts}). And unless the query says {@code OR}, every word
 * counts: the words of a query (or of a parenthesised group) must all match when there are few,
 * and most of them when there are many ({@link #required}). Fields users cannot search are refused
 * with a message rather than silently finding nothing.
 */
final class SteppeQueryParser extends MultiFieldQueryParser {
  private final Map<String, Float> weights;
  private final Set<String> userFields;
  private final Map<String, String> acronyms;
  private final CharArraySet stopWords;
  private final boolean everyWordCounts;
  private final int maxExpanding;
  private int expanding;

  /**
   * @param weights the fields searched by default, each with its BM25F weight (1 or more)
   * @param userFields the fields a query may name
   * @param acronyms all-capitals aliases ("US") to the canonical names they also mean
   * @param stopWords loose words left out ("the", "what"); empty to keep every word
   * @param everyWordCounts false when the query says OR somewhere: then any word may match, as written
   */
  SteppeQueryParser(Map<String, Float> weights, Set<String> userFields, Analyzer analyzer, Map<String, String> acronyms,
      CharArraySet stopWords, boolean everyWordCounts) {
    super(weights.keySet().toArray(String[]::new), analyzer, weights);
    this.weights = weights;
    this.userFields = userFields;
    this.acronyms = acronyms;
    this.stopWords = stopWords;
    this.everyWordCounts = everyWordCounts;
    this.maxExpanding = QueryLimits.MAX_EXPANDING_TERMS * weights.size(); // each term is expanded once per field
    setSplitOnWhitespace(true); // each word a clause of its own (multi-word synonyms are grouped first, see QueryFactory)
    setAutoGeneratePhraseQueries(true); // AT&T is the phrase "at t", not "at" or "t"
    setAllowLeadingWildcard(false); // a leading wildcard scans every term: refused, with a message
    setDefaultOperator(Operator.OR); // every-word-counts is a minimum-should-match, so OR stays OR
  }

  /**
   * How many of {@code n} words must match: both of two, two of three, and any of four or more.
   * A question ("what similarity laws must be obeyed when constructing aeroelastic models") matches
   * articles with some of its words, those with more of them (and with them close together) first:
   * requiring even two of a long question's words cost 4 to 9 % nDCG@10 on CACM, Vaswani and
   * CISI, and all three of a three-word query 5 % on Vaswani (BENCHMARKS.md, Relevance).
   */
  static int required(int n) {
    return n <= 2 ? n : n == 3 ? 2 : 1;
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query q = super.getBooleanQuery(clauses);
    if (!everyWordCounts || !(q instanceof BooleanQuery bq)) {
      return q;
    }
    int should = 0;
    for (BooleanClause c : bq.clauses()) {
      if (c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER) {
        return q; // "+a b" or "a AND b c": the reader said what is required
      }
      should += c.occur() == BooleanClause.Occur.SHOULD ? 1 : 0;
    }
    if (should < 2) {
      return q;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(required(should));
    bq.clauses().forEach(b::add);
    return b.build();
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    check(field);
    Query q = field == null && !quoted ? word(queryText) : super.getFieldQuery(field, queryText, quoted);
    return withAcronym(q, field, queryText);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    check(field);
    return withAcronym(super.getFieldQuery(field, queryText, slop), field, queryText);
  }

  /** One word over every default field at once (BM25F); a word that analyses to a phrase or a graph is matched field by field. */
  private Query word(String text) throws ParseException {
    if (stopWord(text, stopWords)) {
      return null;
    }
    List<String> parts = compoundParts(text);
    if (!parts.isEmpty()) {
      return compound(parts);
    }
    String first = getFields()[0];
    Query probe = newFieldQuery(getAnalyzer(), first, text, false);
    if (probe == null) {
      return null; // a stop word
    }
    if (probe instanceof TermQuery t) {
      return combined(t.getTerm().bytes());
    }
    if (probe instanceof SynonymQuery s) {
      List<Query> variants = new ArrayList<>();
      s.getTerms().forEach(t -> variants.add(combined(t.bytes())));
      return new DisjunctionMaxQuery(variants, 0f);
    }
    return super.getFieldQuery(null, text, false);
  }

  /**
   * A compound of words ("three-dimensional", "time-sharing", "Kazakh-Russian") needs all its
   * words, in any order and at any distance: the text may write them apart, spaced, or with a
   * different joiner ("three dimensional", "Russian and Kazakh"). It stays one word of the query
   * for {@link #required}, and the proximity bonus ranks the texts where its words stand together
   * first. Measured on Vaswani, CISI and CACM, where a phrase had cost recall (BENCHMARKS.md, Relevance).
   */
  private Query compound(List<String> parts) throws ParseException {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int n = 0;
    for (String part : parts) {
      Query q = word(part);
      if (q != null) {
        all.add(q, BooleanClause.Occur.SHOULD);
        n++;
      }
    }
    return n == 0 ? null : all.setMinimumNumberShouldMatch(n).build();
  }

  /** Letters joined by hyphens only. */
  private static final java.util.regex.Pattern COMPOUND = java.util.regex.Pattern.compile("\\p{L}{3,}(?:-\\p{L}{3,})+");

  /**
   * The words of a compound joined by hyphens whose every part has three letters or more; empty for
   * anything else. Short parts ("G-7", "T-bill", "X-ray", "e-mail") and other joiners ("AT&T",
   * "U.S.") keep the word whole, matched as a phrase.
   */
  static List<String> compoundParts(String word) {
    return COMPOUND.matcher(word).matches() ? List.of(word.split("-")) : List.of();
  }

  /** Whether a loose word as typed is a stop word: in the list and not an acronym in capitals ("US"). */
  static boolean stopWord(String word, CharArraySet stopWords) {
    if (!stopWords.contains(word)) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return true;
      }
      letters += Character.isLetter(c) ? 1 : 0;
    }
    return letters < 2;
  }

  private String[] getFields() {
    return weights.keySet().toArray(String[]::new);
  }

  private Query combined(BytesRef term) {
    CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(term);
    weights.forEach(b::addField);
    return b.build();
  }

  private Query withAcronym(Query asTyped, String field, String queryText) throws ParseException {
    String canonical = acronyms.get(queryText.strip());
    if (canonical == null || asTyped == null) {
      return asTyped;
    }
    // "US" typed in capitals means the entity as well as the letters.
    Query entity = super.getFieldQuery(field, canonical, true);
    return entity == null ? asTyped : new BooleanQuery.Builder()
        .add(asTyped, BooleanClause.Occur.SHOULD).add(entity, BooleanClause.Occur.SHOULD).build();
  }

  /**
   * Checks the field of a term that becomes an automaton (wildcard, prefix, fuzzy, regex) and
   * counts it: each costs time before any limit applies. A call with no field only fans out
   * to one call per searched field, which are the ones counted.
   */
  private void checkExpanding(String field) throws ParseException {
    check(field);
    if (field != null && ++expanding > maxExpanding) {
      throw new QuerySyntaxException("the query has more than " + QueryLimits.MAX_EXPANDING_TERMS
          + " wildcard, fuzzy or regular-expression terms; use fewer", 0);
    }
  }

  private void check(String field) throws ParseException {
    if (field != null && !userFields.contains(field)) {
      throw new ParseException("unknown field '" + field + ":'; searchable fields are " + String.join(", ", new java.util.TreeSet<>(userFields)));
    }
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    checkExpanding(field);
    return super.getWildcardQuery(field, termStr);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    checkExpanding(field);
    return super.getPrefixQuery(field, termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    checkExpanding(field);
    return super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    check(field);
    return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    checkExpanding(field);
    QueryLimits.checkRegex(termStr);
    return super.getRegexpQuery(field, termStr);
  }
}
