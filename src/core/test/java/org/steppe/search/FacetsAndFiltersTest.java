package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Facet counts, multi-select facets and filters, on the five seed articles. */
class FacetsAndFiltersTest extends SeedIndexedTest {

  static SearchResult<ArticleHit> all(SearchRequest r) throws IOException {
    return steppe.searchArticles(r.withPage(0, 100));
  }

  static Map<String, Long> counts(List<FacetValue> values) {
    return values.stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
  }

  static Map<String, Long> counts(SearchResult<?> r, EntityType type) {
    return counts(r.facets().entities(type));
  }

  static Set<String> ids(SearchResult<ArticleHit> r) {
    return r.hits().stream().map(ArticleHit::id).collect(Collectors.toSet());
  }

  @Test
  void eachOfTheFiveSourcesHasOneArticle() throws IOException {
    SearchResult<ArticleHit> r = all(SearchRequest.of(""));
    assertEquals(5, r.total());
    assertEquals(Map.of("Tengrinews", 1L, "CABAR.asia", 1L, "Baltic States news & analytics", 1L, "EADaily", 1L,
        "Eurasia Daily Monitor", 1L), counts(r.facets().source()));
  }

  @Test
  void yearsAndMonthsCountOnlyTheDatedArticles() throws IOException {
    SearchResult<ArticleHit> r = all(SearchRequest.of(""));
    // EADaily's permalink dates it 2 December 2015; the Baltic piece is signed 03.03.2017; the rest state no date.
    assertEquals(Map.of("2015", 1L, "2017", 1L), counts(r.facets().year()));
    assertEquals(Map.of("2015-12", 1L, "2017-03", 1L), counts(r.facets().date()));
    assertEquals(List.of("2015", "2017"), r.facets().year().stream().map(FacetValue::value).toList(), "years in order");
  }

  @Test
  void entityFacetsCountArticlesUnderTheCanonicalName() throws IOException {
    SearchResult<ArticleHit> r = all(SearchRequest.of(""));
    // Nazarbaev (CABAR) and Nazarbayev (EADaily, Eurasia Daily Monitor) are one person.
    assertEquals(3L, counts(r, EntityType.PERSON).get("Nursultan Nazarbayev"));
    // Idrissov and Idrossov in the Eurasia Daily Monitor piece, "Yerlan Idrisov" quoted in the Baltic one.
    assertEquals(2L, counts(r, EntityType.PERSON).get("Erlan Idrissov"));
    assertEquals(4L, counts(r, EntityType.ORGANIZATION).get("Eurasian Economic Union"), "EEU or its full name in all but Tengrinews");
    assertEquals(5L, counts(r, EntityType.PLACE).get("Kazakhstan"), "Kazakhstan and Kazakstan");
    // The treaty under three names: Tengrinews's "Agreement … in the XXI Century", CABAR's "Treaty on
    // Good-Neighbourly Relations …", the Baltic piece's "Good Neighbourliness and Alliance Agreement".
    assertEquals(3L, counts(r, EntityType.MISC).get("Treaty on Good-Neighbourliness and Alliance between Kazakhstan and Russia"));
    // Counts are by value, most first.
    List<FacetValue> people = r.facets().entities(EntityType.PERSON);
    assertEquals("Nursultan Nazarbayev", people.get(0).value());
    for (int i = 1; i < people.size(); i++) {
      assertTrue(people.get(i - 1).count() >= people.get(i).count());
    }
  }

  @Test
  void speakerFacetAgreesWithTheSpeakerFilter() throws IOException {
    // Speakers depend on quote extraction: whatever it finds, each speaker's count must be what
    // filtering on that speaker returns, and no more articles than there are.
    SearchResult<ArticleHit> r = all(SearchRequest.of(""));
    for (FacetValue v : r.facets().speaker()) {
      assertTrue(v.count() >= 1 && v.count() <= 5, v.toString());
      assertEquals(v.count(), all(SearchRequest.of("").withSpeakers(List.of(v.value()))).total(), v.value());
    }
  }

  @Test
  void choosingASourceKeepsTheOtherSourcesCountsButNarrowsOtherFacets() throws IOException {
    SearchResult<ArticleHit> r = all(SearchRequest.of("").withSources(List.of("Tengrinews")));
    assertEquals(Set.of(SeedIndex.TENGRINEWS), ids(r));
    // Multi-select: the source facet ignores its own filter, so the reader can add a second source.
    assertEquals(5, counts(r.facets().source()).size());
    assertEquals(1L, counts(r.facets().source()).get("CABAR.asia"));
    // The other facets describe the one Tengrinews article.
    Map<String, Long> people = counts(r, EntityType.PERSON);
    assertEquals(1L, people.get("Askar Musinov"));
    assertEquals(1L, people.get("Ikram Adyrbekov"));
    assertFalse(people.containsKey("Nursultan Nazarbayev"));
    assertFalse(counts(r, EntityType.ORGANIZATION).containsKey("Eurasian Economic Union"));
    assertTrue(counts(r.facets().year()).isEmpty(), "the Tengrinews piece is undated");
  }

  @Test
  void valuesWithinAFacetAreAlternatives() throws IOException {
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR),
        ids(all(SearchRequest.of("").withSources(List.of("Tengrinews", "CABAR.asia")))));
    // Musinov answers the senators in Tengrinews; Idrissov briefs in EDM and is quoted (as Yerlan Idrisov) in the Baltic piece.
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.EDM, SeedIndex.BALTIC),
        ids(all(SearchRequest.of("").withEntities(List.of("Askar Musinov", "Erlan Idrissov")))));
  }

  @Test
  void differentFacetsMustAllHold() throws IOException {
    SearchResult<ArticleHit> r = all(SearchRequest.of("").withSources(List.of("Tengrinews", "CABAR.asia"))
        .withEntities(List.of("Nursultan Nazarbayev")));
    assertEquals(Set.of(SeedIndex.CABAR), ids(r), "of the two sources, only CABAR mentions Nazarbaev");
    // Sideways: the source facet counts Nazarbayev articles from every source, the person facet counts both sources.
    assertEquals(Map.of("CABAR.asia", 1L, "EADaily", 1L, "Eurasia Daily Monitor", 1L), counts(r.facets().source()));
    assertEquals(1L, counts(r, EntityType.PERSON).get("Askar Musinov"));
  }

  @Test
  void anEntityTheIndexHasNeverSeenMatchesNothing() throws IOException {
    assertEquals(0, all(SearchRequest.of("").withEntities(List.of("Nobody Atall"))).total());
  }

  @Test
  void aDateRangeKeepsOnlyArticlesDatedWithinIt() throws IOException {
    assertEquals(Set.of(SeedIndex.EADAILY),
        ids(all(SearchRequest.of("").withDates(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31)))));
    assertEquals(Set.of(SeedIndex.BALTIC), ids(all(SearchRequest.of("").withDates(LocalDate.of(2016, 1, 1), null))));
    assertEquals(Set.of(SeedIndex.EADAILY, SeedIndex.BALTIC),
        ids(all(SearchRequest.of("Kazakhstan").withDates(null, LocalDate.of(2030, 1, 1)))), "undated articles fall outside any range");
    assertEquals(Set.of(SeedIndex.EADAILY),
        ids(all(SearchRequest.of("").withDates(LocalDate.of(2015, 12, 2), LocalDate.of(2015, 12, 2)))), "bounds are inclusive");
  }

  @Test
  void entityTypesFilterOnWhatKindOfEntityIsMentioned() throws IOException {
    assertEquals(5, all(SearchRequest.of("").withEntityTypes(List.of(EntityType.PLACE))).total());
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR, SeedIndex.BALTIC, SeedIndex.EADAILY, SeedIndex.EDM),
        ids(all(SearchRequest.of("").withEntityTypes(List.of(EntityType.MISC, EntityType.PERSON)))));
  }

  @Test
  void speakerAndEntityFiltersTakeAnySpelling() throws IOException {
    SearchResult<QuoteHit> canonical = steppe.searchQuotes(SearchRequest.of("sovereignty").withSpeakers(List.of("Askar Musinov")));
    SearchResult<QuoteHit> surname = steppe.searchQuotes(SearchRequest.of("sovereignty").withSpeakers(List.of("musin")));
    assertTrue(canonical.total() > 0, "Musinov speaks of sovereignty in seed 000");
    assertEquals(canonical.total(), surname.total(), "'musin' filters on Askar Musinov");
    assertEquals(steppe.searchArticles(SearchRequest.of("").withEntities(List.of("Eurasian Economic Union"))).total(),
        steppe.searchArticles(SearchRequest.of("").withEntities(List.of("EEU"))).total());
  }
}
