package org.steppe.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.steppe.index.Fields;

/**
 * Turns a {@link SearchRequest} into Lucene queries: the user's text (with title and entity
 * matches weighted) and the filters as drill-downs, so facets can count sideways.
 */
final class QueryFactory {
  /**
   * The fields a plain word searches, with their BM25F weights: a word in the title counts as one
   * more occurrence in the body (which holds the title too), an entity name as one more. With BM25
   * b 0.4, a title weight of 1 ranked CACM 0.6 % better than 2 and Vaswani (no titles) the same;
   * weights of 1 to 3 for the title and 0 or 1 for entities move nDCG@10 by under 3 % on Vaswani,
   * CISI and CACM (BENCHMARKS.md, Relevance).
   */
  private static final Map<String, Float> ARTICLE_FIELDS = Map.of(Fields.TITLE, 1f, Fields.BODY, 1f, Fields.ENTITY, 1f);
  /** For quotes: what was said and who said it weigh most, the sentence around it and the role least. */
  private static final Map<String, Float> QUOTE_FIELDS = Map.of(
      Fields.QUOTE, 4f, Fields.SPEAKER, 4f, Fields.CONTEXT, 1f, Fields.ROLE, 1f);
  private static final Set<String> USER_FIELDS = Set.of(Fields.TITLE, Fields.BODY, Fields.SOURCE, Fields.ENTITY,
      Fields.SPEAKER, Fields.AUTHOR, Fields.QUOTE, Fields.ROLE, Fields.CONTEXT);

  private final Analyzer analyzer;
  private final CharArraySet stopWords;
  private final FacetsConfig facets;
  private final Map<String, String> acronyms;
  private final Map<String, String> canonicalBySpelling;
  private final AboutFilter about;
  private final QueryRepair repair = new QueryRepair(USER_FIELDS);
  private final org.apache.lucene.util.QueryBuilder builder;

  /**
   * @param gazetteer gives all-capitals aliases ("US"), expanded here where the case typed is still
   *     known (query analysis lower-cases text), and the canonical names that speaker and entity
   *     filters accept under any spelling ("Musin" filters on "Askar Musinov")
   */
  QueryFactory(Analyzer analyzer, CharArraySet stopWords, FacetsConfig facets, org.steppe.enrich.Gazetteer gazetteer) {
    this.analyzer = analyzer;
    this.stopWords = stopWords;
    this.builder = new org.apache.lucene.util.QueryBuilder(analyzer);
    this.facets = facets;
    this.acronyms = Map.copyOf(acronymsOf(gazetteer));
    Map<String, String> canonical = new java.util.HashMap<>();
    for (org.steppe.enrich.Gazetteer.Entry e : gazetteer.entities()) {
      // An ambiguous spelling ("Senate") is also a plain entity of its own: a filter on it stays as typed.
      for (String spelling : e.unambiguousSpellings()) {
        canonical.putIfAbsent(spelling.toLowerCase(java.util.Locale.ROOT), e.name());
      }
    }
    this.canonicalBySpelling = Map.copyOf(canonical);
    this.about = new AboutFilter(gazetteer);
  }

  /** The canonical name for a filter value typed in any known spelling; other values as typed. */
  String canonical(String value) {
    return canonicalBySpelling.getOrDefault(value.strip().toLowerCase(java.util.Locale.ROOT), value);
  }

  /** The all-capitals aliases of a gazetteer, mapped to canonical names. */
  private static Map<String, String> acronymsOf(org.steppe.enrich.Gazetteer gazetteer) {
    Map<String, String> out = new java.util.HashMap<>();
    for (org.steppe.enrich.Gazetteer.Entry e : gazetteer.entities()) {
      for (String alias : e.aliases()) {
        if (alias.length() >= 2 && alias.chars().allMatch(c -> Character.isUpperCase(c) || c == '.')) {
          out.putIfAbsent(alias, e.name());
        }
      }
    }
    return out;
  }

  /**
   * The scoring part of a request.
   *
   * @param query what the text asks for, to score and highlight
   * @param notice what lenient reading changed and where, or {@code null} when the text was read as written
   * @param matchesAll whether the text asks for nothing in particular (blank, or only punctuation)
   */
  record TextQuery(Query query, String notice, boolean matchesAll) {}

  /** The scoring part: the user's text, or everything when it is blank. */
  TextQuery text(SearchRequest request, boolean quotes) {
    if (request.matchesAll()) {
      return new TextQuery(new MatchAllDocsQuery(), null, true);
    }
    String q = QueryLimits.clean(request.query());
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new QuerySyntaxException("the query is " + q.length() + " characters long; the limit is "
          + SearchRequest.MAX_QUERY_LENGTH, 0);
    }
    Map<String, Float> weights = quotes ? QUOTE_FIELDS : ARTICLE_FIELDS;
    if (request.strict()) {
      QueryLimits.check(q);
      parse(q, weights); // refuses what cannot be read, at the position where it broke
      String text = grouped(unshouted(q, false));
      return new TextQuery(withProximity(parse(text, weights), text, quotes), null, false);
    }
    QueryRepair.Repaired repaired = repair.repair(q);
    List<String> notices = new ArrayList<>(repaired.notices());
    String text = grouped(unshouted(repaired.text(), true));
    if (text.isBlank()) {
      return new TextQuery(new MatchAllDocsQuery(), notices.isEmpty() ? null : String.join("; ", notices), true);
    }
    Query parsed;
    try {
      parsed = parse(text, weights);
    } catch (QuerySyntaxException e) {
      if (wordsOnly(text).isBlank()) {
        notices.add("the query could not be read as written and has no words to search; listed everything");
        return new TextQuery(new MatchAllDocsQuery(), String.join("; ", notices), true);
      }
      // What repair could not foresee (too many terms, an unreadable range): search the words alone.
      String words = wordsOnly(text);
      notices.add("the query could not be read as written (" + e.getMessage() + "); searched " + (words.isBlank() ? "everything" : "its words"));
      text = words;
      try {
        parsed = words.isBlank() ? new MatchAllDocsQuery() : parse(words, weights);
      } catch (QuerySyntaxException again) {
        parsed = new MatchNoDocsQuery("nothing searchable");
      }
    }
    return new TextQuery(withProximity(parsed, text, quotes), notices.isEmpty() ? null : String.join("; ", notices), false);
  }

  /**
   * A query typed all in capitals ("MEASUREMENT OF DIELECTRIC CONSTANT") with its words lower-cased:
   * capitals say nothing there, so "OF" is the stop word, not an acronym, and (read leniently)
   * "ANALYSIS AND DESIGN" is three words rather than two joined by the operator AND.
   */
  private static String unshouted(String q, boolean operatorsToo) {
    List<QueryTokens.Token> tokens = QueryTokens.of(q);
    long words = tokens.stream().filter(t -> t.kind() == QueryTokens.Kind.WORD || t.kind() == QueryTokens.Kind.PHRASE)
        .filter(t -> t.text().chars().anyMatch(Character::isLetter)).count();
    if (words < 3 || q.chars().anyMatch(Character::isLowerCase)) {
      return q;
    }
    StringBuilder out = new StringBuilder(q);
    for (QueryTokens.Token t : tokens.reversed()) { // from the end: a lower-cased word may change length
      boolean operator = t.kind() == QueryTokens.Kind.AND || t.kind() == QueryTokens.Kind.OR || t.kind() == QueryTokens.Kind.NOT;
      if (t.kind() == QueryTokens.Kind.WORD || t.kind() == QueryTokens.Kind.PHRASE || (operatorsToo && operator && t.text().length() > 1
          && Character.isLetter(t.text().charAt(0)))) {
        out.replace(t.start(), t.end(), t.text().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out.toString();
  }

  /** Parses query text over the weighted fields; a failure is a {@link QuerySyntaxException} saying where. */
  private Query parse(String q, Map<String, Float> weights) {
    List<QueryTokens.Token> tokens = QueryTokens.of(q);
    boolean anyOr = tokens.stream().anyMatch(t -> t.kind() == QueryTokens.Kind.OR);
    // A query of stop words only ("what?", "to be or not to be") searches them; otherwise they are left out.
    boolean anyContent = tokens.stream().anyMatch(t -> t.kind() == QueryTokens.Kind.WORD && !SteppeQueryParser.stopWord(t.text(), stopWords));
    SteppeQueryParser parser = new SteppeQueryParser(weights, USER_FIELDS, analyzer, acronyms,
        anyContent ? stopWords : CharArraySet.EMPTY_SET, !anyOr);
    try {
      Query parsed = onlyExclusions(parser.parse(q));
      QueryLimits.checkClauses(parsed);
      return parsed;
    } catch (ParseException e) {
      throw explain(e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    } catch (IllegalArgumentException | TooComplexToDeterminizeException e) {
      // e.g. a regular expression Lucene cannot read, or one whose automaton would be too large
      throw new QuerySyntaxException("the query cannot be run: " + e.getMessage(), 0);
    }
  }

  /** "-Russia" alone means everything but Russia, not nothing. */
  private static Query onlyExclusions(Query q) {
    if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
        && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
      b.clauses().forEach(all::add);
      return all.build();
    }
    return q;
  }

  /** Only the letters and digits of a query, as words: what is left to search when its syntax cannot be read. */
  private static String wordsOnly(String q) {
    String words = q.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    String[] parts = words.split(" ");
    // As many words as the clause limit leaves room for, once per field and proximity pair.
    return String.join(" ", java.util.Arrays.copyOf(parts, Math.min(parts.length, MAX_FALLBACK_WORDS)))
        .replaceAll("\\b(AND|OR|NOT)\\b", " ").strip();
  }

  /** Most words a query read as plain words keeps. */
  private static final int MAX_FALLBACK_WORDS = 100;

  /**
   * Runs of plain words that a multi-word synonym or name covers ("Eurasian Economic Union",
   * "Commonwealth of Independent States") become phrases, so they keep matching their other
   * spellings ("EEU") although each word is otherwise a clause of its own.
   */
  private String grouped(String q) {
    List<QueryTokens.Token> tokens = QueryTokens.of(q);
    List<List<QueryTokens.Token>> runs = plainRuns(tokens);
    java.util.Set<QueryTokens.Token> merged = new java.util.HashSet<>();
    java.util.Map<QueryTokens.Token, String> phraseAt = new java.util.HashMap<>();
    for (List<QueryTokens.Token> run : runs) {
      if (run.size() < 2) {
        continue;
      }
      int from = run.get(0).start();
      String text = q.substring(from, run.get(run.size() - 1).end());
      for (int[] span : multiWordSpans(text)) {
        List<QueryTokens.Token> covered = run.stream()
            .filter(t -> t.start() - from >= span[0] && t.end() - from <= span[1] && !merged.contains(t)).toList();
        if (covered.size() >= 2) {
          merged.addAll(covered);
          phraseAt.put(covered.get(0), "\"" + q.substring(covered.get(0).start(), covered.get(covered.size() - 1).end()) + "\"");
        }
      }
    }
    if (phraseAt.isEmpty()) {
      return q;
    }
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (QueryTokens.Token t : tokens) {
      if (merged.contains(t)) {
        out.append(q, last, t.start()).append(phraseAt.getOrDefault(t, ""));
        last = t.end();
      }
    }
    return out.append(q, last, q.length()).toString();
  }

  /** Character spans of {@code text} that one token of the query chain covers across several words: multi-word synonyms. */
  private List<int[]> multiWordSpans(String text) {
    List<int[]> spans = new ArrayList<>();
    try (org.apache.lucene.analysis.TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      var length = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute.class);
      var offsets = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (length.getPositionLength() > 1) {
          spans.add(new int[] {offsets.startOffset(), offsets.endOffset()});
        }
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringReader does not fail
    }
    return spans;
  }

  /**
   * The runs of plain words a query's default fields search: consecutive words with no operator,
   * field, wildcard or fuzzy mark among them; a word right after a field name or an exclusion
   * belongs to that and starts no run.
   */
  private static List<List<QueryTokens.Token>> plainRuns(List<QueryTokens.Token> tokens) {
    List<List<QueryTokens.Token>> runs = new ArrayList<>();
    List<QueryTokens.Token> run = new ArrayList<>();
    QueryTokens.Token prev = null;
    for (QueryTokens.Token t : tokens) {
      boolean plain = t.kind() == QueryTokens.Kind.WORD && t.text().matches("[^*?~^\\\\]+")
          && (prev == null || !(prev.kind() == QueryTokens.Kind.FIELD || prev.kind() == QueryTokens.Kind.PROHIBITED
              || prev.kind() == QueryTokens.Kind.NOT || prev.kind() == QueryTokens.Kind.REQUIRED));
      if (plain) {
        run.add(t);
      } else if (!run.isEmpty()) {
        runs.add(run);
        run = new ArrayList<>();
      }
      prev = t;
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  /**
   * The query plus a bonus for plain words that stand next to each other in the text as in the
   * query ("oil prices" over a story with "oil" in one paragraph and "prices" in another).
   */
  private Query withProximity(Query main, String q, boolean quotes) {
    List<String> words = new ArrayList<>();
    for (List<QueryTokens.Token> run : plainRuns(QueryTokens.of(q))) {
      List<String> content = new ArrayList<>();
      for (QueryTokens.Token t : run) {
        List<String> parts = SteppeQueryParser.compoundParts(t.text());
        for (String w : parts.isEmpty() ? List.of(t.text()) : parts) { // a compound's words are pairs too
          if (!SteppeQueryParser.stopWord(w, stopWords) && builder.createBooleanQuery(Fields.BODY, w) != null) {
            content.add(w);
          }
        }
      }
      for (int i = 0; i + 1 < content.size() && words.size() < 2 * MAX_PAIRS; i++) {
        words.add(content.get(i));
        words.add(content.get(i + 1));
      }
    }
    if (words.isEmpty()) {
      return main;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST);
    String field = quotes ? Fields.QUOTE : Fields.BODY;
    for (int i = 0; i < words.size(); i += 2) {
      Query near = builder.createPhraseQuery(field, words.get(i) + " " + words.get(i + 1), PROXIMITY_SLOP);
      if (near != null && !(near instanceof TermQuery)) {
        b.add(new org.apache.lucene.search.BoostQuery(near, PROXIMITY_BOOST), BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  /** Word pairs given a proximity bonus, at most: each is a phrase query, the costliest kind. */
  private static final int MAX_PAIRS = 12;
  /**
   * Two words count as near within three positions (either order), and being near is worth 0.15 of
   * a phrase match's score: measured on Vaswani, CISI and CACM (BENCHMARKS.md, Relevance), where it
   * added up to 2.7 % nDCG@10; more weight, a wider window, an exact-phrase term (a sequential
   * dependence model's) or more pairs helped none of them.
   */
  private static final int PROXIMITY_SLOP = 3;
  private static final float PROXIMITY_BOOST = 0.15f;

  static QuerySyntaxException tooManyClauses() {
    return new QuerySyntaxException("the query has or expands to too many terms (more than "
        + IndexSearcher.getMaxClauseCount() + "); use fewer words and make wildcards and fuzzy terms more specific", 0);
  }

  /**
   * The user's query, parsed once by {@link #text}, with every filter of {@code request}: kind,
   * facet drill-downs, entity types, dates.
   */
  DrillDownQuery drillDown(Query text, SearchRequest request, boolean quotes, IndexReader reader) throws java.io.IOException {
    BooleanQuery.Builder base = new BooleanQuery.Builder()
        .add(text, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, quotes ? Fields.KIND_QUOTE : Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER);
    if (!request.entityTypes().isEmpty()) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (EntityType t : request.entityTypes()) {
        any.add(new TermQuery(new Term(Fields.ENTITY_TYPE, t.label())), BooleanClause.Occur.SHOULD);
      }
      base.add(any.build(), BooleanClause.Occur.FILTER);
    }
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      base.add(LongField.newRangeQuery(Fields.DATE, lo, hi), BooleanClause.Occur.FILTER);
    }
    if (!request.about().isEmpty()) {
      base.add(about.filter(request.about(), quotes, reader), BooleanClause.Occur.FILTER);
    }
    DrillDownQuery ddq = new DrillDownQuery(facets, base.build());
    for (String s : request.sources()) {
      ddq.add(Fields.FACET_SOURCE, s);
    }
    for (String s : request.speakers()) {
      // every spelling the archive has for that speaker ("Volcker" and "Paul Volcker"): added to one dimension, so ORed
      for (String same : SpeakerSpellings.of(reader, canonical(s))) {
        ddq.add(Fields.FACET_SPEAKER, same);
      }
    }
    // Entity filters name entities, not types, and the API ORs them like any repeated filter: one
    // clause over every name given (as given, as a facet value, and as its gazetteer canonical, as
    // typed) under every type it is indexed with. It sits in one entity dimension; FacetedSearch
    // counts the merged entity facet sideways of it.
    BooleanQuery.Builder anyEntity = new BooleanQuery.Builder();
    boolean anyFound = false;
    for (String typed : request.entities()) {
      for (String name : new java.util.LinkedHashSet<>(List.of(typed.strip(), canonical(typed)))) {
        for (EntityType type : EntityType.values()) {
          if (!name.isEmpty() && reader.docFreq(org.steppe.index.DocumentBuilder.entityTerm(type.label(), name)) > 0) {
            String dim = Fields.facetEntity(type.label());
            anyEntity.add(new TermQuery(DrillDownQuery.term(facets.getDimConfig(dim).indexFieldName, dim, name)),
                BooleanClause.Occur.SHOULD);
            anyFound = true;
          }
        }
      }
    }
    if (!request.entities().isEmpty()) {
      // Entities the index has never seen match nothing.
      ddq.add(ENTITY_FILTER_DIM, anyFound ? anyEntity.build() : new org.apache.lucene.search.MatchNoDocsQuery("no such entity"));
    }
    return ddq;
  }

  /** The dimension the entity filter is placed under (any entity dimension would do). */
  private static final String ENTITY_FILTER_DIM = Fields.entityFacets().get(0);

  /** Whether {@link #drillDown} adds facet dimensions for this request (source, speaker or entity filters). */
  static boolean drillsDown(SearchRequest request) {
    return !request.sources().isEmpty() || !request.speakers().isEmpty() || !request.entities().isEmpty();
  }

  private static QuerySyntaxException explain(ParseException outer) {
    // QueryParser.parse wraps the grammar's exception, which knows where parsing stopped.
    if (outer.getCause() instanceof IndexSearcher.TooManyClauses) {
      return tooManyClauses();
    }
    if (outer.getCause() instanceof TokenMgrError lexical) {
      // The lexer's own message lists token kinds ("Encountered: <EOF> after ..."): keep only where.
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("column (\\d+)").matcher(String.valueOf(lexical.getMessage()));
      int column = m.find() ? Integer.parseInt(m.group(1)) : 0;
      return new QuerySyntaxException("the query cannot be read" + (column > 0 ? " at position " + column : "")
          + ": a trailing backslash, or an unclosed quote or /regular expression/?", column);
    }
    ParseException e = outer.getCause() instanceof ParseException inner ? inner : outer;
    Token at = e.currentToken == null ? null : e.currentToken.next;
    if (at == null) {
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      if (m.contains("not allowed as first character")) {
        return new QuerySyntaxException("a word may not start with * or ?: a leading wildcard would scan every word in the index", 0);
      }
      if (m.contains("Minimum similarity for a FuzzyQuery")) {
        return new QuerySyntaxException("a fuzzy term takes ~ with 0, 1 or 2 edits (word~1), or a similarity between 0 and 1", 0);
      }
      m = m.replaceAll("\\b[A-Z][a-z]+Query\\b", "query"); // Lucene's class names mean nothing to the reader
      return new QuerySyntaxException("the query cannot be read: " + m.replaceFirst("^Cannot parse '.*?': ", "").strip(), 0);
    }
    int column = at.beginColumn + 1;
    String what = at.kind == 0 ? "the query ended too early (an unclosed quote or parenthesis, or a dangling operator?)"
        : "unexpected '" + at.image + "'";
    return new QuerySyntaxException("the query cannot be read at position " + column + ": " + what, column);
  }
}
