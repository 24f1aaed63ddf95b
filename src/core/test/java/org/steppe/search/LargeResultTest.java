package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.ingest.CorpusFiles;
import org.steppe.search.IndexProgress;

/**
 * Totals and facet counts when a query matches more documents than the top-hits collector counts
 * exactly (it stops counting at 1,000 to skip non-competitive documents): two Reuters-21578 files,
 * 2,000 stories, where common words match well over that.
 */
class LargeResultTest {
  @TempDir static Path corpus;
  @TempDir static Path index;
  static WritableSteppe steppe;

  @BeforeAll
  static void indexTwoReutersFiles() throws IOException {
    CorpusFiles.copyReutersSlice(corpus);
    steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG);
    steppe.indexCorpus(corpus, IndexProgress.NONE);
  }

  @AfterAll
  static void close() throws IOException {
    if (steppe != null) {
      steppe.close();
    }
  }

  @Test
  void totalIsExactPastTheCollectorsCountingLimit() throws IOException {
    for (SortOrder sort : SortOrder.values()) {
      SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("said").withSort(sort).withPage(0, 100));
      assertTrue(r.total() > 1000, "a common word matches more than the exact-count limit: " + r.total());
      Set<String> walked = new HashSet<>();
      String cursor = null;
      do {
        SearchResult<ArticleHit> page = steppe.searchArticles(SearchRequest.of("said").withSort(sort).withPage(0, 100).withCursor(cursor));
        assertEquals(r.total(), page.total(), "every page has the same total");
        page.hits().forEach(h -> walked.add(h.id()));
        cursor = page.nextCursor();
      } while (cursor != null);
      assertEquals(r.total(), walked.size(), sort + ": the total is the number of hits a full walk returns");
    }
    assertEquals(steppe.articleCount(), steppe.searchArticles(SearchRequest.of("")).total(), "an empty query matches every article");
  }

  @Test
  void facetCountsCountEveryMatchAndAgreeWithFilteredTotals() throws IOException {
    SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("said"));
    long dated = r.facets().year().stream().mapToLong(FacetValue::count).sum();
    assertEquals(r.total(), dated, "every Reuters story is dated, so the year counts add up to the total");
    List<FacetValue> places = r.facets().entities(EntityType.PLACE);
    assertTrue(places.size() >= 3, "places are counted: " + places);
    for (FacetValue place : places.subList(0, 3)) {
      // A filtered search counts through DrillSideways: it must agree with the unfiltered pass. An
      // entity filter matches the name under every type it was tagged with ("Brazil" is a place in
      // most stories, but the model may call it a team, an organisation, in one), so its total is
      // the place count plus the few stories that name it only under another type.
      long filtered = steppe.searchArticles(SearchRequest.of("said").withEntities(List.of(place.value()))).total();
      assertTrue(filtered >= place.count() && filtered <= place.count() * 1.1,
          "articles that said something and mention " + place.value() + ": " + filtered + " filtered, "
              + place.count() + " as a place");
    }
    SearchResult<ArticleHit> two = steppe.searchArticles(SearchRequest.of("said")
        .withEntities(List.of(places.get(0).value(), places.get(1).value())));
    assertTrue(two.total() >= places.get(0).count() && two.total() <= places.get(0).count() + places.get(1).count(),
        "two values of one facet OR: " + two.total());
  }

  @Test
  void entityFiltersOrAcrossTypesAndTheEntityFacetCountsSideways() throws IOException {
    SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("said"));
    FacetValue place = r.facets().entities(EntityType.PLACE).get(0);
    FacetValue person = r.facets().entities(EntityType.PERSON).get(0);
    SearchResult<ArticleHit> either = steppe.searchArticles(SearchRequest.of("said").withEntities(List.of(place.value(), person.value())));
    assertTrue(either.total() >= Math.max(place.count(), person.count()) && either.total() <= place.count() + person.count(),
        "entity=" + place.value() + "&entity=" + person.value() + " ORs, as repeated filters do (" + place.count() + ", "
            + person.count() + " → " + either.total() + ")");
    for (EntityType type : EntityType.values()) {
      assertEquals(r.facets().entities(type), either.facets().entities(type),
          "the entity facet is one multi-select facet: its " + type + " counts ignore the entity filter");
    }
    assertEquals(r.facets().source(), steppe.searchArticles(SearchRequest.of("said")).facets().source());
    long before = r.facets().year().stream().mapToLong(FacetValue::count).sum();
    long after = either.facets().year().stream().mapToLong(FacetValue::count).sum();
    assertTrue(after == either.total() && after < before, "other facets count the filtered hits");
  }

  @Test
  void anEntityIndexedUnderSeveralTypesFiltersOnAllOfThem() throws IOException {
    // The model and the rules may type one name differently in different stories.
    SearchResult<ArticleHit> all = steppe.searchArticles(SearchRequest.of(""));
    Map<String, List<Long>> countsByName = new HashMap<>();
    all.facets().entity().forEach(v -> countsByName.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(v.count()));
    List<String> multiTyped = countsByName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    assertTrue(!multiTyped.isEmpty(), "2,000 Reuters stories hold names under two types: " + countsByName.size() + " names seen");
    for (String name : multiTyped) {
      List<Long> counts = countsByName.get(name);
      long filtered = steppe.searchArticles(SearchRequest.of("").withEntities(List.of(name))).total();
      // Only a lower bound: the name may also be under a type where it is outside the top 50.
      assertTrue(filtered >= Collections.max(counts),
          name + " under " + counts + " types: the filter keeps every article with it under any type, found " + filtered);
    }
  }
}
