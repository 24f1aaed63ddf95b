package org.steppe.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.steppe.index.Fields;

/**
 * Turns a {@link SearchRequest} into Lucene queries: the user's text (with title and entity
 * matches weighted) and the filters as drill-downs, so facets can count sideways.
 */
final class QueryFactory {
  private static final Map<String, Float> ARTICLE_FIELDS = Map.of(
      Fields.TITLE, 3f, Fields.BODY, 1f, Fields.ENTITY, 2f);
  private static final Map<String, Float> QUOTE_FIELDS = Map.of(
      Fields.QUOTE, 2f, Fields.SPEAKER, 2f, Fields.CONTEXT, 0.5f, Fields.ROLE, 0.5f);
  private static final Set<String> USER_FIELDS = Set.of(Fields.TITLE, Fields.BODY, Fields.SOURCE, Fields.ENTITY,
      Fields.SPEAKER, Fields.AUTHOR, Fields.QUOTE, Fields.ROLE, Fields.CONTEXT);

  private final Analyzer analyzer;
  private final FacetsConfig facets;
  private final Map<String, String> acronyms;
  private final Map<String, String> canonicalBySpelling;

  /**
   * @param gazetteer gives all-capitals aliases ("US"), expanded here where the case typed is still
   *     known (query analysis lower-cases text), and the canonical names that speaker and entity
   *     filters accept under any spelling ("Musin" filters on "Askar Musinov")
   */
  QueryFactory(Analyzer analyzer, FacetsConfig facets, org.steppe.enrich.Gazetteer gazetteer) {
    this.analyzer = analyzer;
    this.facets = facets;
    this.acronyms = Map.copyOf(acronymsOf(gazetteer));
    Map<String, String> canonical = new java.util.HashMap<>();
    for (org.steppe.enrich.Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        canonical.putIfAbsent(spelling.toLowerCase(java.util.Locale.ROOT), e.name());
      }
    }
    this.canonicalBySpelling = Map.copyOf(canonical);
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

  /** The scoring part: the user's text, or everything when it is blank. */
  Query text(SearchRequest request, boolean quotes) {
    if (request.matchesAll()) {
      return new MatchAllDocsQuery();
    }
    String q = QueryLimits.clean(request.query());
    QueryLimits.check(q);
    Map<String, Float> boosts = quotes ? QUOTE_FIELDS : ARTICLE_FIELDS;
    QueryParser parser = new CheckedFieldParser(boosts.keySet().toArray(String[]::new), analyzer, boosts, acronyms);
    parser.setSplitOnWhitespace(false); // lets multi-word synonyms ("Eurasian Economic Union" = EEU) match
    parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    parser.setAllowLeadingWildcard(false); // a leading wildcard scans every term: refused, with a message
    parser.setDefaultOperator(QueryParser.Operator.OR);
    try {
      Query parsed = parser.parse(q);
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
    DrillDownQuery ddq = new DrillDownQuery(facets, base.build());
    for (String s : request.sources()) {
      ddq.add(Fields.FACET_SOURCE, s);
    }
    for (String s : request.speakers()) {
      ddq.add(Fields.FACET_SPEAKER, canonical(s));
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
          if (reader.docFreq(new Term(Fields.ENTITY_TYPED, type.label() + "/" + name)) > 0) {
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

  /** A parser that refuses fields users cannot search, instead of silently finding nothing. */
  private static final class CheckedFieldParser extends MultiFieldQueryParser {
    private final Map<String, String> acronyms;
    private final int maxExpanding;
    private int expanding;

    CheckedFieldParser(String[] fields, Analyzer analyzer, Map<String, Float> boosts, Map<String, String> acronyms) {
      super(fields, analyzer, boosts);
      this.acronyms = acronyms;
      this.maxExpanding = QueryLimits.MAX_EXPANDING_TERMS * fields.length; // each term is expanded once per field
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
      if (field != null && !USER_FIELDS.contains(field)) {
        throw new ParseException("unknown field '" + field + ":'; searchable fields are " + String.join(", ", new java.util.TreeSet<>(USER_FIELDS)));
      }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
      check(field);
      return withAcronym(super.getFieldQuery(field, queryText, quoted), field, queryText);
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

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
      check(field);
      return withAcronym(super.getFieldQuery(field, queryText, slop), field, queryText);
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
}
