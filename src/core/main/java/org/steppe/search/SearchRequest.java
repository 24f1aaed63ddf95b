package org.steppe.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One search, for articles or quotes alike: free text in Lucene query syntax plus filters, order
 * and a page. Build with {@link #of(String)} and the {@code with…} methods; instances are immutable.
 *
 * @param query Lucene query syntax; {@code null} or blank matches everything. Fields users may
 *     name: {@code title:}, {@code body:}, {@code source:}, {@code entity:}, {@code speaker:},
 *     {@code author:}, {@code quote:}, {@code role:}
 * @param sources keep hits from any of these sources (exact names); empty: no filter
 * @param speakers keep hits quoting any of these speakers (canonical names)
 * @param entities keep hits mentioning all facets' choices: any of these entities (canonical names)
 * @param entityTypes keep articles mentioning an entity of any of these types
 * @param from earliest publication date, inclusive; {@code null}: open
 * @param to latest publication date, inclusive; {@code null}: open
 * @param sort order of hits
 * @param offset hits to skip (for page-by-page browsing)
 * @param size hits to return, 0 to 100
 * @param cursor from a previous result's {@code nextCursor}, for deep paging; overrides offset
 * @param strict read the query exactly as Lucene syntax and refuse it with a {@link QuerySyntaxException}
 *     when it is malformed; by default ({@code false}) whatever was typed is searched, punctuation that
 *     cannot be syntax is read as text, and {@link SearchResult#notice()} says what was changed
 * @param groupSimilar fold stories that repeat a better-ranked hit on the same page (same title,
 *     nearly the same text) under it, in {@link SearchResult#similar()}; articles only
 * @param about keep quotes whose own words mention every one of these entities, and articles that
 *     mention every one of them (any spelling the gazetteer or the index knows); empty: no filter
 */
public record SearchRequest(String query, List<String> sources, List<String> speakers, List<String> entities,
    List<EntityType> entityTypes, LocalDate from, LocalDate to, SortOrder sort, int offset, int size, String cursor,
    boolean strict, boolean groupSimilar, List<String> about) {

  /** The largest page a request may ask for. */
  public static final int MAX_SIZE = 100;

  /** The deepest hit a page may reach (offset + size); deeper pages are reached with the cursor. */
  public static final int MAX_OFFSET = 10_000;

  /** The longest query text accepted, in characters. */
  public static final int MAX_QUERY_LENGTH = 2000;
  /** Longest text {@link SteppeSearch#suggest} completes, in characters: autocomplete is for what is being typed. */
  public static final int MAX_SUGGEST_LENGTH = 200;

  /** The page size of {@link #of(String)}. */
  public static final int DEFAULT_SIZE = 10;

  /**
   * Checks the page and the date range; {@code null} lists mean no filter, a {@code null} sort relevance.
   *
   * @throws IllegalArgumentException when the offset, size or date range is out of bounds
   */
  public SearchRequest {
    sources = sources == null ? List.of() : List.copyOf(sources);
    speakers = speakers == null ? List.of() : List.copyOf(speakers);
    entities = entities == null ? List.of() : List.copyOf(entities);
    entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
    about = about == null ? List.of() : about.stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    if (offset < 0 || offset > MAX_OFFSET) {
      // checked here so offset + size can never overflow an int further down
      throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", not " + offset
          + "; use the cursor (nextCursor) to page deeper");
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE + ", not " + size);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("the date range is empty: from " + from + " is after to " + to);
    }
  }

  /**
   * A request without an about filter.
   *
   * @param query Lucene query syntax; {@code null} or blank matches everything
   * @param sources keep hits from any of these sources
   * @param speakers keep hits quoting any of these speakers
   * @param entities keep hits mentioning any of these entities
   * @param entityTypes keep articles mentioning an entity of any of these types
   * @param from earliest publication date, inclusive; {@code null}: open
   * @param to latest publication date, inclusive; {@code null}: open
   * @param sort order of hits
   * @param offset hits to skip
   * @param size hits to return, 0 to 100
   * @param cursor from a previous result's {@code nextCursor}; overrides offset
   * @param strict refuse a malformed query instead of searching it leniently
   * @param groupSimilar fold stories repeating a better-ranked hit under it; articles only
   * @throws IllegalArgumentException when the offset, size or date range is out of bounds
   */
  public SearchRequest(String query, List<String> sources, List<String> speakers, List<String> entities,
      List<EntityType> entityTypes, LocalDate from, LocalDate to, SortOrder sort, int offset, int size, String cursor,
      boolean strict, boolean groupSimilar) {
    this(query, sources, speakers, entities, entityTypes, from, to, sort, offset, size, cursor, strict, groupSimilar, null);
  }

  /**
   * A request for {@code query}: the first 10 hits by relevance, no filters.
   *
   * @param query Lucene query syntax; {@code null} or blank matches everything
   * @return the request
   */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, null, null, null, null, 0, DEFAULT_SIZE, null, false, false);
  }

  /**
   * The same request with other query text.
   *
   * @param v the query text
   * @return a new request
   */
  public SearchRequest withQuery(String v) {
    return new SearchRequest(v, sources, speakers, entities, entityTypes, from, to, sort, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request keeping only hits from any of these sources.
   *
   * @param v exact source names; {@code null} or empty: every source
   * @return a new request
   */
  public SearchRequest withSources(List<String> v) {
    return new SearchRequest(query, v, speakers, entities, entityTypes, from, to, sort, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request keeping only hits quoting any of these speakers.
   *
   * @param v speakers in any spelling the gazetteer knows; {@code null} or empty: no filter
   * @return a new request
   */
  public SearchRequest withSpeakers(List<String> v) {
    return new SearchRequest(query, sources, v, entities, entityTypes, from, to, sort, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request keeping only hits mentioning any of these entities.
   *
   * @param v entity names in any spelling the gazetteer knows; {@code null} or empty: no filter
   * @return a new request
   */
  public SearchRequest withEntities(List<String> v) {
    return new SearchRequest(query, sources, speakers, v, entityTypes, from, to, sort, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request keeping only articles that mention an entity of any of these types.
   *
   * @param v entity types; {@code null} or empty: no filter
   * @return a new request
   */
  public SearchRequest withEntityTypes(List<EntityType> v) {
    return new SearchRequest(query, sources, speakers, entities, v, from, to, sort, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request keeping only hits dated within the range, bounds inclusive. Undated hits are dropped by any range.
   *
   * @param newFrom the earliest date, or {@code null} for an open start
   * @param newTo the latest date, or {@code null} for an open end
   * @return a new request
   */
  public SearchRequest withDates(LocalDate newFrom, LocalDate newTo) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, newFrom, newTo, sort, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request in another order.
   *
   * @param v the order; {@code null} means relevance
   * @return a new request
   */
  public SearchRequest withSort(SortOrder v) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, from, to, v, offset, size, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request for another page.
   *
   * @param newOffset hits to skip, 0 to {@value #MAX_OFFSET}
   * @param newSize hits to return, 0 to {@value #MAX_SIZE}
   * @return a new request
   */
  public SearchRequest withPage(int newOffset, int newSize) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, from, to, sort, newOffset, newSize, cursor, strict, groupSimilar, about);
  }

  /**
   * The same request continuing after a previous page.
   *
   * @param v a result's {@link SearchResult#nextCursor}; {@code null} starts from the top
   * @return a new request
   */
  public SearchRequest withCursor(String v) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, from, to, sort, offset, size, v, strict, groupSimilar, about);
  }

  /**
   * The same request read strictly (malformed syntax refused) or leniently (the default).
   *
   * @param v whether to refuse malformed syntax
   * @return a new request
   */
  public SearchRequest withStrict(boolean v) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, from, to, sort, offset, size, cursor, v, groupSimilar, about);
  }

  /**
   * The same request with repeated stories folded under the hit they repeat, or not (the default).
   *
   * @param v whether to fold repeated stories
   * @return a new request
   */
  public SearchRequest withGroupSimilar(boolean v) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, from, to, sort, offset, size, cursor, strict, v, about);
  }

  /**
   * The same request keeping only quotes about all of these entities: quotes whose own words
   * mention each of them, under any spelling the gazetteer or the index knows ("Nazarbaev",
   * "Nursultan Nazarbayev"). On articles: articles mentioning each of them.
   *
   * @param names entity names; none: no filter
   * @return a new request
   */
  public SearchRequest about(String... names) {
    return withAbout(names == null ? null : java.util.Arrays.asList(names));
  }

  /**
   * The same request keeping only hits about all of these entities, like {@link #about(String...)}.
   *
   * @param v entity names in any spelling; {@code null} or empty: no filter
   * @return a new request
   */
  public SearchRequest withAbout(List<String> v) {
    return new SearchRequest(query, sources, speakers, entities, entityTypes, from, to, sort, offset, size, cursor,
        strict, groupSimilar, v);
  }

  /**
   * Whether the free text is empty.
   *
   * @return whether the request matches everything its filters allow
   */
  public boolean matchesAll() {
    return query == null || query.isBlank();
  }
}
