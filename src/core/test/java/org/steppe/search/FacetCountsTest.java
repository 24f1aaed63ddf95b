package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.ingest.CorpusFiles;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;

/**
 * Facet counts on 2,000 Reuters-21578 stories: exactly Lucene's below the sampling limit, and above
 * it estimates flagged approximate that stay close to the exact counts.
 */
class FacetCountsTest {
  private static final List<String> WORDS = List.of("said", "oil", "wheat", "tonnes", "dollar", "profit");
  @TempDir static Path corpus;
  @TempDir static Path index;
  static DirectoryReader reader;
  static FacetedSearcher searcher;

  @BeforeAll
  static void indexTwoReutersFiles() throws IOException {
    CorpusFiles.copyReutersSlice(corpus);
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
    }
    reader = DirectoryReader.open(FSDirectory.open(index));
    searcher = (FacetedSearcher) FacetedSearcher.factory(new BM25Similarity(), DocumentBuilder.facetsConfig()).newSearcher(reader, null);
  }

  @AfterAll
  static void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  private static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    out.add(new MatchAllDocsQuery());
    WORDS.forEach(w -> out.add(new TermQuery(new Term(Fields.BODY, w))));
    return out;
  }

  @Test
  void exactCountsAreLucenesForEveryDimension() throws IOException {
    assertTrue(reader.leaves().size() > 1, "several segments, so ordinals are mapped: " + reader.leaves().size());
    for (Query q : queries()) {
      FacetsCollector matches = searcher.search(q, new FacetsCollectorManager());
      SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(searcher.facetState(), matches);
      FacetCounts all = FacetCounts.count(searcher.facetState(), searcher.facetLabels(), matches, null, Integer.MAX_VALUE);
      assertFalse(all.approximate(), "below the limit the counts are exact");
      for (String dim : DocumentBuilder.dims()) {
        FacetCounts one = FacetCounts.count(searcher.facetState(), searcher.facetLabels(), matches, dim, Integer.MAX_VALUE);
        FacetLabels.Reader labels = searcher.facetLabels().reader();
        List<FacetValue> top = values(lucene.getTopChildren(50, dim));
        assertEquals(top, all.top(dim, 50, labels), q + ", " + dim + ": the top 50 as Lucene reads them");
        assertEquals(top, one.top(dim, 50, labels), q + ", " + dim + ": counting one dimension alone");
        List<FacetValue> every = values(lucene.getAllChildren(dim));
        assertEquals(every, all.all(dim, labels), q + ", " + dim + ": every value");
        assertEquals(values(lucene.getTopChildren(3, dim)), all.top(dim, 3, labels), q + ", " + dim + ": a shorter top");
      }
    }
  }

  @Test
  void aboveTheLimitCountsAreSampledFlaggedAndClose() throws IOException {
    FacetsCollector matches = searcher.search(new TermQuery(new Term(Fields.BODY, "said")), new FacetsCollectorManager());
    long total = matches.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    assertTrue(total > 1000, "a common word: " + total);
    FacetCounts exact = FacetCounts.count(searcher.facetState(), searcher.facetLabels(), matches, null, Integer.MAX_VALUE);
    FacetCounts sampled = FacetCounts.count(searcher.facetState(), searcher.facetLabels(), matches, null, (int) (total / 3));
    assertTrue(sampled.approximate(), "a third of the matches counted: flagged approximate");
    FacetLabels.Reader labels = searcher.facetLabels().reader();
    long years = sampled.all(Fields.FACET_YEAR, labels).stream().mapToLong(FacetValue::count).sum();
    assertTrue(Math.abs(years - total) <= total / 100 + 1, "every story is dated: year estimates add up to about " + total + ": " + years);
    Map<String, Long> estimates = sampled.top(Fields.facetEntity("place"), 50, labels).stream()
        .collect(Collectors.toMap(FacetValue::value, FacetValue::count));
    for (FacetValue place : exact.top(Fields.facetEntity("place"), 5, labels)) {
      long estimate = estimates.getOrDefault(place.value(), 0L);
      // A third of the matches sampled: the estimate's standard error is about sqrt(count × (3 − 1)).
      // Four of them: the sample is fixed by the document numbers, so this checks one draw, not many.
      double bound = 4 * Math.sqrt(place.count() * 2.0) + 1;
      assertTrue(Math.abs(estimate - place.count()) <= bound,
          "a common place's estimate is within four standard errors of its count: " + place + " estimated " + estimate);
    }
    assertEquals(sampled.top(Fields.FACET_SOURCE, 50, labels), FacetCounts.count(searcher.facetState(), searcher.facetLabels(), matches, null, (int) (total / 3))
        .top(Fields.FACET_SOURCE, 50, labels), "the same sample every time: a repeated search gives the same estimate");
  }

  @Test
  void theApiFlagsSampledFacetsAndLeavesSmallResultsExact() throws IOException {
    String before = System.getProperty("steppe.facetsExactUpTo");
    System.setProperty("steppe.facetsExactUpTo", "300");
    try (Steppe sampling = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
      System.clearProperty("steppe.facetsExactUpTo");
      try (Steppe exact = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
        SearchResult<ArticleHit> big = sampling.searchArticles(SearchRequest.of("said"));
        SearchResult<ArticleHit> counted = exact.searchArticles(SearchRequest.of("said"));
        assertTrue(big.facets().approximate() && !counted.facets().approximate(), "flagged only when sampled");
        assertEquals(counted.total(), big.total(), "the total is always exact");
        assertEquals(counted.hits(), big.hits(), "hits are never sampled");
        for (SortOrder sort : SortOrder.values()) {
          SearchRequest first = SearchRequest.of("said").withSort(sort).withPage(0, 20);
          SearchResult<ArticleHit> a = sampling.searchArticles(first);
          SearchResult<ArticleHit> b = exact.searchArticles(first);
          assertEquals(List.of(b.total(), b.hits(), b.nextCursor()), List.of(a.total(), a.hits(), a.nextCursor()), sort + ": the same page");
          SearchRequest next = first.withCursor(b.nextCursor());
          assertEquals(exact.searchArticles(next).hits(), sampling.searchArticles(next).hits(), sort + ": the same next page");
        }
        SearchResult<ArticleHit> small = sampling.searchArticles(SearchRequest.of("wheat"));
        assertTrue(small.total() <= 300 && small.total() > 10, "a word with fewer matches than the limit: " + small.total());
        assertFalse(small.facets().approximate());
        assertEquals(exact.searchArticles(SearchRequest.of("wheat")).facets(), small.facets(), "exact below the limit");
      }
    } finally {
      if (before == null) {
        System.clearProperty("steppe.facetsExactUpTo");
      } else {
        System.setProperty("steppe.facetsExactUpTo", before);
      }
    }
  }

  private static List<FacetValue> values(FacetResult r) {
    List<FacetValue> out = new ArrayList<>();
    if (r != null) {
      for (LabelAndValue lv : r.labelValues) {
        out.add(new FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }
}
