package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
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
 * On 2,000 Reuters-21578 stories: facet counts sampled by advancing the search's iterator
 * ({@link SampledMatches}) are the counts the one-pass sample gives, and a search split over two
 * threads ({@code steppe.searchThreads}) answers exactly as one thread does. The index is small, so
 * the thresholds that keep small searches on one thread are lowered here.
 */
class SampledAndParallelSearchTest {
  @TempDir static Path corpus;
  @TempDir static Path index;
  static DirectoryReader reader;
  static FacetedSearcher searcher;
  static FacetedSearcher parallel;
  static ExecutorService pool;
  static int minDocs;
  static long minCounted;

  @BeforeAll
  static void indexTwoReutersFiles() throws IOException {
    CorpusFiles.copyReutersSlice(corpus);
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
    }
    minDocs = FacetedSearcher.minDocsToSplit;
    minCounted = FacetCounts.minCountedToSplit;
    FacetedSearcher.minDocsToSplit = 0;
    FacetCounts.minCountedToSplit = 0;
    reader = DirectoryReader.open(FSDirectory.open(index));
    searcher = (FacetedSearcher) FacetedSearcher.factory(new BM25Similarity(), DocumentBuilder.facetsConfig()).newSearcher(reader, null);
    pool = Executors.newFixedThreadPool(1);
    parallel = (FacetedSearcher) FacetedSearcher.factory(new BM25Similarity(), DocumentBuilder.facetsConfig(), pool, 2)
        .newSearcher(reader, null);
  }

  @AfterAll
  static void close() throws IOException {
    FacetedSearcher.minDocsToSplit = minDocs;
    FacetCounts.minCountedToSplit = minCounted;
    if (pool != null) {
      pool.shutdown();
    }
    if (reader != null) {
      reader.close();
    }
  }

  private static Query articles(Query q) {
    return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER).build();
  }

  private static List<Query> queries() {
    List<Query> out = new ArrayList<>();
    out.add(new MatchAllDocsQuery());
    out.add(articles(new TermQuery(new Term(Fields.BODY, "said"))));
    out.add(articles(new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.BODY, "oil")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(Fields.BODY, "tonnes")), BooleanClause.Occur.SHOULD).build()));
    out.add(new PhraseQuery(Fields.BODY, "said", "the")); // two-phase: positions checked after the approximation
    return out;
  }

  @Test
  void sampledCountsAreTheOnePassSamplesCounts() throws IOException {
    for (FacetedSearcher s : List.of(searcher, parallel)) {
      for (Query q : queries()) {
        FacetsCollector matches = s.search(q, new FacetsCollectorManager());
        long total = matches.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
        assertTrue(total > 100, q + ": enough matches to sample: " + total);
        int limit = (int) (total / 3);
        SampledMatches sampled = SampledMatches.ifMoreThan(s, q, limit);
        assertNotNull(sampled, q + ": more matches than the limit");
        assertEquals(total, sampled.total(), q + ": every match counted");
        FacetCounts fromIterator = sampled.counts(s.parallelism(), () -> false);
        FacetCounts onePass = FacetCounts.count(s.facetState(), s.facetLabels(), matches, null, limit);
        assertTrue(fromIterator.approximate() && onePass.approximate(), q + ": flagged approximate");
        FacetLabels.Reader labels = s.facetLabels().reader();
        for (String dim : DocumentBuilder.dims()) {
          assertEquals(onePass.all(dim, labels), fromIterator.all(dim, labels), q + ", " + dim + ": the same sample, the same estimates");
          assertEquals(onePass.top(dim, 10, labels), fromIterator.top(dim, 10, labels), q + ", " + dim + ": the same top values");
        }
        assertNull(SampledMatches.ifMoreThan(s, q, (int) total), q + ": not more than the limit: counted exactly, one pass");
      }
    }
  }

  @Test
  void parallelCountsAreTheSameCounts() throws IOException {
    for (Query q : queries()) {
      FacetsCollector one = searcher.search(q, new FacetsCollectorManager());
      FacetsCollector two = parallel.search(q, new FacetsCollectorManager());
      assertTrue(parallel.getSlices().length > 1, "the index is searched in slices: " + parallel.getSlices().length);
      for (int limit : new int[] {Integer.MAX_VALUE, 200}) {
        FacetCounts a = FacetCounts.count(searcher.facetState(), searcher.facetLabels(), one, null, limit);
        FacetCounts b = FacetCounts.count(parallel.facetState(), parallel.facetLabels(), two, null, limit,
            parallel.getTaskExecutor(), 2);
        FacetLabels.Reader labels = searcher.facetLabels().reader();
        for (String dim : DocumentBuilder.dims()) {
          assertEquals(a.all(dim, labels), b.all(dim, labels), q + ", " + dim + ", limit " + limit);
        }
        assertEquals(a.countAnySpeaker(List.of(new int[] {0, 1, 2})).length, 1);
      }
    }
  }

  @Test
  void twoThreadsAndTheSampledPathAnswerAsOneThreadAndOnePass() throws IOException {
    List<SearchRequest> requests = new ArrayList<>();
    for (SortOrder sort : SortOrder.values()) {
      requests.add(SearchRequest.of("said").withSort(sort).withPage(0, 20));
      requests.add(SearchRequest.of("oil OR tonnes").withSort(sort).withPage(10, 10));
      requests.add(SearchRequest.of("").withSort(sort));
    }
    requests.add(SearchRequest.of("\"said the\""));
    requests.add(SearchRequest.of("said").withSources(List.of("Reuters")));
    requests.add(SearchRequest.of("said").withDates(LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31)));
    requests.add(SearchRequest.of("said").withEntities(List.of("U.S.")));
    requests.add(SearchRequest.of("wheat"));
    Map<String, String> props = Map.of("steppe.facetsExactUpTo", "300");
    List<List<Object>> answers = new ArrayList<>();
    // one thread and one pass (as before); two threads, one pass; one thread, sampled path; two threads, sampled path
    String[][] settings = {{"1", "false"}, {"2", "false"}, {"1", "true"}, {"2", "true"}};
    for (String[] setting : settings) {
      List<Object> got = new ArrayList<>();
      withProperties(Map.of("steppe.facetsExactUpTo", props.get("steppe.facetsExactUpTo"), "steppe.searchThreads", setting[0],
          "steppe.sampledCounts", setting[1]), () -> {
            try (Steppe steppe = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
              for (SearchRequest r : requests) {
                SearchResult<ArticleHit> a = steppe.searchArticles(r);
                got.add(List.of(a.total(), a.hits(), a.facets(), String.valueOf(a.nextCursor())));
                if (a.nextCursor() != null) {
                  got.add(steppe.searchArticles(r.withPage(0, r.size()).withCursor(a.nextCursor())).hits());
                }
                SearchResult<QuoteHit> q = steppe.searchQuotes(r);
                got.add(List.of(q.total(), q.hits(), q.facets()));
              }
            }
          });
      answers.add(got);
    }
    assertTrue(answers.get(0).stream().anyMatch(a -> a instanceof List<?> l && l.size() > 2 && l.get(2) instanceof Facets f
        && f.approximate()), "some searches are sampled");
    for (int i = 1; i < settings.length; i++) {
      List<Object> a = answers.get(0);
      List<Object> b = answers.get(i);
      assertEquals(a.size(), b.size());
      for (int j = 0; j < a.size(); j++) {
        assertEquals(a.get(j), b.get(j), "threads " + settings[i][0] + ", sampled path " + settings[i][1] + ": answer " + j);
      }
    }
  }

  private interface Body {
    void run() throws IOException;
  }

  private static void withProperties(Map<String, String> props, Body body) throws IOException {
    Map<String, String> before = new java.util.HashMap<>();
    props.keySet().forEach(k -> before.put(k, System.getProperty(k)));
    props.forEach(System::setProperty);
    try {
      body.run();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }
}
