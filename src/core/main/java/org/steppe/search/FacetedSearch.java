package org.steppe.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;

/**
 * One search from request to result: filters as drill-downs, multi-select facet counts with
 * DrillSideways, sorting, offset and cursor paging, and did-you-mean. Stateless apart from its
 * collaborators; thread-safe.
 */
final class FacetedSearch {
  /** Reads the stored hits of one page; the text query is for highlighting. */
  @FunctionalInterface
  interface HitReader<H> {
    Page<H> read(IndexSearcher searcher, TopDocs top, Query textQuery, boolean groupSimilar) throws IOException;
  }

  /** One page of hits, and the repeats folded under them (hit id to its repeats). */
  record Page<H>(List<H> hits, Map<String, List<SimilarStory>> similar) {}

  private final QueryFactory queries;
  private final FacetsConfig facetsConfig;
  private final SpellingCorrector spelling;
  /** Matches whose facets are counted exactly; above it, from a sample ({@link FacetCounts}). */
  private final int exactUpTo;
  /** Whether unfiltered searches above {@link #exactUpTo} count a sample without a pass over every match ({@link SampledMatches}). */
  private final boolean sampledCounts;

  FacetedSearch(QueryFactory queries, FacetsConfig facetsConfig, SpellingCorrector spelling, int exactUpTo) {
    this(queries, facetsConfig, spelling, exactUpTo, sampledCountsFromSystemProperty());
  }

  FacetedSearch(QueryFactory queries, FacetsConfig facetsConfig, SpellingCorrector spelling, int exactUpTo,
      boolean sampledCounts) {
    this.queries = queries;
    this.facetsConfig = facetsConfig;
    this.spelling = spelling;
    this.exactUpTo = exactUpTo;
    this.sampledCounts = sampledCounts;
  }

  /**
   * {@code steppe.sampledCounts} (default false): true takes {@link SampledMatches}'s road for large
   * unfiltered searches. Off by default: at a million articles it cost about 1 ms more CPU per term
   * query than the one scored pass (BENCHMARKS.md, issue 16), since advancing a disjunction to each
   * sampled document costs about what visiting every match does when the sample is as dense as the matches.
   */
  static boolean sampledCountsFromSystemProperty() {
    return Boolean.parseBoolean(System.getProperty("steppe.sampledCounts", "false"));
  }

  /**
   * Runs one search on {@code searcher}: the query with its filters as drill-downs, facet counts
   * sideways, one page of hits read by {@code reader}, and a spelling suggestion when it found little.
   */
  <H> SearchResult<H> run(IndexSearcher searcher, SearchRequest request, boolean quotes, HitReader<H> reader,
    Duration timeout) throws IOException {
    try {
      return search(searcher, request, quotes, reader, timeout);
    } catch (IndexSearcher.TooManyClauses e) {
      // From the search, the facet counts or the highlighter's own rewriting: the same answer everywhere.
      throw new QuerySyntaxException("the query expands to too many terms; make wildcards and fuzzy terms more specific", 0);
    }
  }

  private <H> SearchResult<H> search(IndexSearcher searcher, SearchRequest request, boolean quotes, HitReader<H> reader,
    Duration timeout) throws IOException {
    FacetedSearcher fs = ((FacetedSearcher) searcher).limitedTo(timeout);
    boolean filtered = QueryFactory.drillsDown(request);
    // A filtered search scores every document in one drill-sideways pass, which Lucene's time limit
    // would cut into windows it refuses: the limit goes into the query instead (see TimeLimitedQuery).
    TimeLimitedQuery.Deadline deadline = new TimeLimitedQuery.Deadline(fs.getTimeout());
    QueryFactory.TextQuery parsed = queries.text(request, quotes); // parsed once: the drill-downs below all wrap it
    Query text = parsed.query();
    Query matching = filtered ? new TimeLimitedQuery(text, deadline) : text;
    // With nothing to rank by, relevance means newest first, as a news page opens.
    SortOrder order = parsed.matchesAll() && request.sort() == SortOrder.RELEVANCE ? SortOrder.NEWEST : request.sort();
    DrillDownQuery ddq = queries.drillDown(matching, request, quotes, searcher.getIndexReader());
    Sort sort = sortFor(order);
    ScoreDoc after = Cursor.decode(request.cursor(), order);
    if (after != null && after.doc >= searcher.getIndexReader().maxDoc()) {
      throw new IllegalArgumentException("the cursor is not valid for this index (it may have been rebuilt since): start again from the first page");
    }
    int want = after != null ? request.size() : request.offset() + request.size();
    if (want > SearchRequest.MAX_OFFSET) {
      throw new IllegalArgumentException("offset + size may not pass " + SearchRequest.MAX_OFFSET
          + "; use the cursor (nextCursor) to page deeper");
    }
    int topN = Math.max(1, want);
    TopDocs top;
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    boolean approximate = false;
    long knownTotal = -1;
    // Unfiltered and very many matches: the counts come from a sample the search's iterator is advanced to,
    // so the hits need not come from a pass over every match (see SampledMatches).
    SampledMatches sampled = fs.facetState() != null && !filtered && sampledCounts
        ? SampledMatches.ifMoreThan(fs, ddq, exactUpTo) : null;
    if (sampled != null) {
      top = sort == null ? fs.searchAfter(after, ddq, topN) : fs.searchAfter(after, ddq, topN, sort, false);
      knownTotal = sampled.total();
      FacetCounts all = sampled.counts(fs.parallelism(), () -> fs.timedOut() || deadline.expired());
      Map<String, FacetCounts> counts = new LinkedHashMap<>();
      DocumentBuilder.dims().forEach(dim -> counts.put(dim, all));
      FacetLabels.Reader labels = fs.facetLabels().reader();
      approximate = all.approximate();
      facets = readFacets(counts, labels);
      facets.computeIfPresent(Fields.FACET_SPEAKER, (dim, values) -> speakersAsOne(searcher, all, labels, values));
    } else if (fs.facetState() != null) {
      SidewaysMatches ds = new SidewaysMatches(filtered ? searcher : fs, facetsConfig, fs.facetState());
      DrillSideways.DrillSidewaysResult r = sort == null
          ? (after == null ? ds.search(ddq, topN) : ds.search(after, ddq, topN))
          : ds.search(ddq, null, (FieldDoc) after, topN, sort, false);
      top = r.hits;
      FacetLabels.Reader labels = fs.facetLabels().reader();
      Map<String, FacetCounts> counts = ds.counts(DocumentBuilder.dims(), fs.facetLabels(), exactUpTo, fs.parallelism());
      approximate = counts.values().stream().anyMatch(FacetCounts::approximate);
      facets = readFacets(counts, labels);
      facets.computeIfPresent(Fields.FACET_SPEAKER, (dim, values) -> speakersAsOne(searcher, counts.get(dim), labels, values));
      if (!request.entities().isEmpty()) {
        FacetCounts entities = entityCountsWithout(fs, matching, request, quotes);
        approximate |= entities.approximate();
        Map<String, FacetCounts> byDim = new LinkedHashMap<>();
        Fields.entityFacets().forEach(dim -> byDim.put(dim, entities));
        facets.putAll(readFacets(byDim, labels));
      }
    } else {
      top = sort == null ? fs.searchAfter(after, ddq, topN) : fs.searchAfter(after, ddq, topN, sort, false);
    }
    boolean timedOut = fs.timedOut() || deadline.expired();
    long total = knownTotal >= 0 ? knownTotal
        : top.totalHits.relation() == TotalHits.Relation.EQUAL_TO || timedOut ? top.totalHits.value() : fs.count(ddq);
    ScoreDoc[] page = pageOf(top.scoreDocs, after != null ? 0 : request.offset(), request.size());
    TopDocs pageDocs = new TopDocs(top.totalHits, page);
    Page<H> read = page.length == 0 ? new Page<>(List.of(), Map.of()) : reader.read(searcher, pageDocs, text, request.groupSimilar());
    List<H> hits = read.hits();
    String next = page.length == request.size() && page.length > 0 && (after != null || request.offset() + page.length < total)
        ? Cursor.encode(page[page.length - 1]) : null;
    String didYouMean = after != null || request.offset() > 0 ? null
        : spelling.correct(searcher.getIndexReader(), request.query(), total,
            q -> fs.count(queries.drillDown(queries.text(request.withQuery(q), quotes).query(), request, quotes,
                searcher.getIndexReader())));
    return new SearchResult<>(total, hits, typed(facets, approximate), didYouMean, next, timedOut || fs.timedOut(), parsed.notice(),
        read.similar());
  }

  /**
   * The speaker facet with every spelling of one speaker ("Volcker", "Paul Volcker") as one value under
   * its full name, counted as the speaker filter on that name counts ({@link SpeakerSpellings}): over
   * the matches the speaker facet was counted on ({@code counted}: every filter but the speaker's), the
   * documents holding any spelling the filter would keep, from the speaker values that count kept
   * rather than another pass over the matches.
   */
  private List<FacetValue> speakersAsOne(IndexSearcher searcher, FacetCounts counted, FacetLabels.Reader labels,
      List<FacetValue> values) {
    try {
      IndexReader reader = searcher.getIndexReader();
      return SpeakerSpellings.asOneCounted(values, v -> spellings(reader, v), full -> {
        List<int[]> groups = new ArrayList<>();
        for (String name : full) {
          // as QueryFactory.drillDown reads a speaker filter
          java.util.Set<String> same = spellings(reader, queries.canonical(name));
          int[] ords = new int[same.size()];
          int n = 0;
          for (String s : same) {
            long ord = labels.ord(Fields.FACET_SPEAKER, s);
            if (ord >= 0) {
              ords[n++] = (int) ord;
            }
          }
          groups.add(java.util.Arrays.copyOf(ords, n));
        }
        return counted.countAnySpeaker(groups);
      });
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static java.util.Set<String> spellings(IndexReader reader, String name) {
    try {
      return SpeakerSpellings.of(reader, name);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static ScoreDoc[] pageOf(ScoreDoc[] all, int offset, int size) {
    if (offset >= all.length || size == 0) {
      return new ScoreDoc[0];
    }
    int end = Math.min(all.length, offset + size);
    ScoreDoc[] out = new ScoreDoc[end - offset];
    System.arraycopy(all, offset, out, 0, out.length);
    return out;
  }

  private static Sort sortFor(SortOrder order) {
    if (order == SortOrder.RELEVANCE) {
      return null;
    }
    boolean newest = order == SortOrder.NEWEST;
    SortField byDate = new SortedNumericSortField(Fields.DATE, SortField.Type.LONG, newest);
    byDate.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE); // undated last either way
    // Ties by id, not by index order: the order then survives re-indexing, merges and parallel
    // indexing, and is the order another engine gives (OpenSearch sorts date, then id).
    return new Sort(byDate, KeywordField.newSortField(Fields.ID, false, SortedSetSelector.Type.MIN));
  }

  /**
   * The entity dimensions counted sideways of the entity filter. They make one facet to the
   * user, whose values OR, so each type's counts must ignore the filter, not only the type the
   * filter's clause sits under: one more counting pass, with every other filter applied.
   */
  private FacetCounts entityCountsWithout(FacetedSearcher searcher, Query text, SearchRequest request, boolean quotes)
      throws IOException {
    DrillDownQuery others = queries.drillDown(text, request.withEntities(List.of()), quotes, searcher.getIndexReader());
    FacetsCollector matches = searcher.search(others, new FacetsCollectorManager());
    return FacetCounts.count(searcher.facetState(), searcher.facetLabels(), matches, null, exactUpTo,
        searcher.getTaskExecutor(), searcher.parallelism());
  }

  /** The index's facet dimensions as the API names them: entity types merged into one facet, months as {@code date}. */
  private static org.steppe.search.Facets typed(Map<String, List<FacetValue>> dims, boolean approximate) {
    List<EntityFacetValue> entities = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      for (FacetValue v : dims.getOrDefault(Fields.facetEntity(type.label()), List.of())) {
        entities.add(new EntityFacetValue(v.value(), type, v.count()));
      }
    }
    entities.sort(java.util.Comparator.comparingLong(EntityFacetValue::count).reversed().thenComparing(EntityFacetValue::value));
    return new org.steppe.search.Facets(dims.getOrDefault(Fields.FACET_SOURCE, List.of()), dims.getOrDefault(Fields.FACET_SPEAKER, List.of()),
        entities, dims.getOrDefault(Fields.FACET_MONTH, List.of()), dims.getOrDefault(Fields.FACET_YEAR, List.of()), approximate);
  }

  /** Each dimension's values as a result shows them: the top 50, or every year and month in time order. */
  private static Map<String, List<FacetValue>> readFacets(Map<String, FacetCounts> counts, FacetLabels.Reader labels)
      throws IOException {
    Map<String, List<FacetValue>> out = new LinkedHashMap<>();
    for (Map.Entry<String, FacetCounts> e : counts.entrySet()) {
      String dim = e.getKey();
      boolean byValue = dim.equals(Fields.FACET_YEAR) || dim.equals(Fields.FACET_MONTH);
      List<FacetValue> values = byValue ? new ArrayList<>(e.getValue().all(dim, labels)) : e.getValue().top(dim, 50, labels);
      if (byValue) {
        values.sort(java.util.Comparator.comparing(FacetValue::value));
      }
      out.put(dim, values);
    }
    return out;
  }
}
