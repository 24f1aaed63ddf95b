package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pages by offset and by cursor, in every order, on the five seed articles. */
class PagingTest extends SeedIndexedTest {

  static List<String> ids(SearchResult<ArticleHit> r) {
    return r.hits().stream().map(ArticleHit::id).toList();
  }

  static Stream<Arguments> searches() {
    return Stream.of(SortOrder.values()).flatMap(sort -> Stream.of(
        Arguments.of("", sort), Arguments.of("Kazakhstan foreign policy", sort), Arguments.of("treaty", sort)));
  }

  @ParameterizedTest(name = "\"{0}\" by {1}")
  @MethodSource("searches")
  void offsetPagesTileTheFullList(String query, SortOrder sort) throws IOException {
    SearchRequest base = SearchRequest.of(query).withSort(sort);
    SearchResult<ArticleHit> everything = steppe.searchArticles(base.withPage(0, 100));
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < everything.total(); offset += 2) {
      SearchResult<ArticleHit> page = steppe.searchArticles(base.withPage(offset, 2));
      assertEquals(everything.total(), page.total(), "every page knows the full total");
      paged.addAll(ids(page));
    }
    assertEquals(ids(everything), paged);
    assertEquals(List.of(), ids(steppe.searchArticles(base.withPage((int) everything.total(), 2))), "past the end: empty");
  }

  @ParameterizedTest(name = "\"{0}\" by {1}")
  @MethodSource("searches")
  void aCursorWalkReturnsEveryHitOnceInOrder(String query, SortOrder sort) throws IOException {
    SearchRequest base = SearchRequest.of(query).withSort(sort).withPage(0, 2);
    List<String> expected = ids(steppe.searchArticles(base.withPage(0, 100)));
    List<String> walked = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      SearchResult<ArticleHit> page = steppe.searchArticles(base.withCursor(cursor));
      walked.addAll(ids(page));
      cursor = page.nextCursor();
      assertTrue(++pages <= expected.size() + 1, "the walk ends");
    } while (cursor != null);
    assertEquals(expected, walked);
    assertEquals(walked.size(), new HashSet<>(walked).size(), "no hit twice");
  }

  @Test
  void aCursorWalkWithAFilterStaysWithinIt() throws IOException {
    SearchRequest base = SearchRequest.of("").withSources(List.of("CABAR.asia", "EADaily", "Tengrinews")).withPage(0, 1);
    List<String> walked = new ArrayList<>();
    String cursor = null;
    do {
      SearchResult<ArticleHit> page = steppe.searchArticles(base.withCursor(cursor));
      walked.addAll(ids(page));
      cursor = page.nextCursor();
    } while (cursor != null);
    assertEquals(List.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR, SeedIndex.EADAILY).stream().sorted().toList(),
        walked.stream().sorted().toList());
  }

  @Test
  void newestFirstPutsUndatedArticlesLast() throws IOException {
    List<String> ids = ids(steppe.searchArticles(SearchRequest.of("").withSort(SortOrder.NEWEST)));
    assertEquals(List.of(SeedIndex.BALTIC, SeedIndex.EADAILY), ids.subList(0, 2), "2017 before 2015");
    assertEquals(5, ids.size());
  }

  @Test
  void oldestFirstPutsUndatedArticlesLastToo() throws IOException {
    List<String> ids = ids(steppe.searchArticles(SearchRequest.of("").withSort(SortOrder.OLDEST)));
    assertEquals(List.of(SeedIndex.EADAILY, SeedIndex.BALTIC), ids.subList(0, 2), "2015 before 2017");
    assertEquals(5, ids.size());
  }

  @Test
  void hitsSortedByDateHaveNoScore() throws IOException {
    for (ArticleHit h : steppe.searchArticles(SearchRequest.of("treaty").withSort(SortOrder.NEWEST)).hits()) {
      assertTrue(Float.isNaN(h.score()), h.id() + " " + h.score());
    }
    for (ArticleHit h : steppe.searchArticles(SearchRequest.of("treaty")).hits()) {
      assertTrue(h.score() > 0, h.id() + " " + h.score());
    }
  }

  @Test
  void theLastPageHasNoCursor() throws IOException {
    assertNull(steppe.searchArticles(SearchRequest.of("").withPage(0, 10)).nextCursor());
    assertNull(steppe.searchArticles(SearchRequest.of("").withPage(3, 2)).nextCursor());
  }

  @Test
  void aCursorFromAnotherOrderIsRefused() throws IOException {
    // (An empty query ranked by relevance lists the newest first, so its cursor is a date cursor.)
    String relevanceCursor = steppe.searchArticles(SearchRequest.of("Kazakhstan").withPage(0, 2)).nextCursor();
    assertThrows(IllegalArgumentException.class,
        () -> steppe.searchArticles(SearchRequest.of("Kazakhstan").withSort(SortOrder.NEWEST).withCursor(relevanceCursor)));
    assertThrows(IllegalArgumentException.class, () -> steppe.searchArticles(SearchRequest.of("").withCursor("garbage!")));
  }
}
