package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Across an archive, one person is one speaker under every spelling: a story that names only
 * "Volcker" and one that names "Paul Volcker" are found by either filter and counted as one facet
 * value; two Bakers stay two, and a bare "Baker" joins neither.
 */
class OneSpeakerManySpellingsTest {
  @TempDir static Path dir;
  private static WritableSteppe steppe;

  private static ArticleInput story(String id, String body) {
    return new ArticleInput(id, "Story " + id, body, "Steppe Test Wire", LocalDate.of(1987, 3, 1), null, null, null, null);
  }

  @BeforeAll
  static void archive() throws IOException {
    steppe = Steppe.openWritable(dir, SeedIndex.CONFIG);
    steppe.put(story("v1", "Federal Reserve Board chairman Paul Volcker spoke to Congress on Tuesday.\n\n"
        + "\"The dollar has fallen far enough for now,\" Paul Volcker said."));
    steppe.put(story("v2", "The Fed chief testified again on Wednesday.\n\n"
        + "\"Interest rates will stay where they are for some time,\" Volcker said."));
    steppe.put(story("b1", "Treasury Secretary James Baker met finance ministers in Paris.\n\n"
        + "\"We agreed to keep the currencies stable around current levels,\" James Baker said."));
    steppe.put(story("b2", "White House chief of staff Howard Baker briefed reporters.\n\n"
        + "\"The President is in good health and good spirits,\" Howard Baker said."));
    steppe.put(story("b3", "The talks went on late into the night.\n\n"
        + "\"We are making progress on every point of the agenda,\" Baker said."));
    steppe.commit();
  }

  @AfterAll
  static void close() throws IOException {
    steppe.close();
  }

  private static Set<String> quotedBy(String speaker) throws IOException {
    return steppe.searchQuotes(SearchRequest.of("").withSpeakers(List.of(speaker)).withPage(0, 100)).hits().stream()
        .map(h -> h.article().id()).collect(Collectors.toSet());
  }

  @Test
  void aSurnameAndTheFullNameFilterTheSameQuotes() throws IOException {
    assertEquals(Set.of("v1", "v2"), quotedBy("Paul Volcker"));
    assertEquals(Set.of("v1", "v2"), quotedBy("Volcker"));
  }

  @Test
  void twoPeopleWithOneSurnameStayApart() throws IOException {
    assertEquals(Set.of("b1"), quotedBy("James Baker"));
    assertEquals(Set.of("b2"), quotedBy("Howard Baker"));
    assertEquals(Set.of("b3"), quotedBy("Baker"), "a bare Baker is neither Baker");
  }

  @Test
  void theFacetCountsOneSpeakerAsTheFilterDoes() throws IOException {
    SearchResult<QuoteHit> all = steppe.searchQuotes(SearchRequest.of("").withPage(0, 100));
    Map<String, Long> speakers = all.facets().speaker().stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
    assertEquals(2L, speakers.get("Paul Volcker"));
    assertFalse(speakers.containsKey("Volcker"), "one value for one person: " + speakers);
    assertEquals(1L, speakers.get("James Baker"));
    assertEquals(1L, speakers.get("Howard Baker"));
    assertTrue(speakers.containsKey("Baker"), speakers.toString());
    for (FacetValue v : all.facets().speaker()) {
      assertEquals(v.count(), quotedBy(v.value()).size(), v.value());
    }
  }

  @Test
  void underAnotherSpeakersFilterTheFacetStillCountsEverySpelling() throws IOException {
    // The speaker facet is counted sideways of the speaker filter: the merged value is counted over
    // the same matches, so a filter on James Baker leaves Paul Volcker's two quotes in the facet.
    SearchResult<QuoteHit> baker = steppe.searchQuotes(SearchRequest.of("").withSpeakers(List.of("James Baker")).withPage(0, 100));
    Map<String, Long> speakers = baker.facets().speaker().stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
    assertEquals(1, baker.total());
    assertEquals(2L, speakers.get("Paul Volcker"), speakers.toString());
    assertFalse(speakers.containsKey("Volcker"), speakers.toString());
  }

  @Test
  void theMergedCountFollowsTheQuery() throws IOException {
    SearchResult<QuoteHit> dollar = steppe.searchQuotes(SearchRequest.of("dollar").withPage(0, 100));
    Map<String, Long> speakers = dollar.facets().speaker().stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count));
    assertEquals(1L, speakers.get("Paul Volcker"), "only the quote about the dollar: " + speakers);
  }
}
