package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steppe.search.EntityType;
import org.steppe.search.SearchRequest;
import org.steppe.search.SortOrder;

/** Query parameters become a search request, or a 400 that says what is wrong. */
class SearchParamsTest {
  private static SearchRequest parse(String... pairs) {
    Map<String, List<String>> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return SearchParams.parse(params);
  }

  @Test
  void noParametersMeanTheFirstTenOfEverythingByRelevance() {
    SearchRequest r = parse();
    assertTrue(r.matchesAll());
    assertEquals(0, r.offset());
    assertEquals(10, r.size());
    assertEquals(SortOrder.RELEVANCE, r.sort());
  }

  @Test
  void pagesAreOneBased() {
    SearchRequest r = parse("page", "3", "size", "20");
    assertEquals(40, r.offset());
    assertEquals(20, r.size());
  }

  @Test
  void aMonthOrYearCoversTheWholePeriod() {
    SearchRequest r = parse("from", "2016-02", "to", "2016-02");
    assertEquals(LocalDate.of(2016, 2, 1), r.from());
    assertEquals(LocalDate.of(2016, 2, 29), r.to());
    SearchRequest y = parse("from", "2015", "to", "2017");
    assertEquals(LocalDate.of(2015, 1, 1), y.from());
    assertEquals(LocalDate.of(2017, 12, 31), y.to());
  }

  @Test
  void repeatedFiltersKeepEveryValueAndBlanksAreIgnored() {
    SearchRequest r = parse("source", "EADaily", "source", "Tengrinews", "source", " ", "type", "PERSON");
    assertEquals(List.of("EADaily", "Tengrinews"), r.sources());
    assertEquals(List.of(EntityType.PERSON), r.entityTypes(), "types are read case-insensitively");
  }

  @Test
  void impossibleDatesAndRepeatedSingleParametersAreRefused() {
    assertTrue(assertThrows(BadRequest.class, () -> parse("from", "2015-02-30")).getMessage().contains("2015-02-30"));
    assertTrue(assertThrows(BadRequest.class, () -> parse("q", "a", "q", "b")).getMessage().contains("once"));
    assertTrue(assertThrows(BadRequest.class, () -> parse("size", "9999999999")).getMessage().contains("whole number"));
  }
}
