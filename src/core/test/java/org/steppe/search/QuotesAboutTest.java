package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/**
 * "Who said what about X" on PolNeAR's dev split: many outlets quoting the 2016 campaign, where
 * people are named by surname, full name and middle initial, none of them in the gazetteer.
 */
class QuotesAboutTest {
  static final Path POLNEAR_DEV = Path.of("../shared/datasets/polnear/data/dev/text");
  @TempDir static Path work;
  static WritableSteppe steppe;

  @BeforeAll
  static void index() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(POLNEAR_DEV), "the shared datasets are beside the checkout");
    steppe = Steppe.openWritable(work.resolve("index"), SeedCorpus.STEPPE_CONFIG);
    steppe.indexCorpus(POLNEAR_DEV, IndexProgress.NONE);
  }

  @AfterAll
  static void close() throws IOException {
    if (steppe != null) {
      steppe.close();
    }
  }

  @Test
  void surnameFullNameAndMiddleInitialFindTheSameQuotes() throws IOException {
    Set<String> trump = about("Donald Trump");
    assertTrue(trump.size() > 20, "the campaign's quotes speak of Trump: " + trump.size());
    for (String spelling : List.of("Trump", "TRUMP", "donald j. trump", "Donald J. Trump")) {
      assertEquals(trump, about(spelling), "about " + spelling);
    }
    Set<String> hillary = about("Hillary Clinton");
    assertTrue(hillary.size() > 20, "and of Clinton: " + hillary.size());
    assertEquals(hillary, about("Clinton"));
    assertEquals(hillary, about("Hillary Rodham Clinton"));
    assertNotEquals(hillary, about("Bill Clinton"), "another Clinton is another person");
  }

  @Test
  void everyQuoteAboutSomeoneNamesThemInItsOwnWords() throws IOException {
    SearchResult<QuoteHit> r = steppe.searchQuotes(SearchRequest.of("").about("Trump").withPage(0, 100));
    for (QuoteHit q : r.hits()) {
      assertTrue(q.text().contains("Trump"), "a quote about Trump names him: " + q.text());
    }
    // Quotes naming him in full are all about him, whoever speaks.
    SearchResult<QuoteHit> named = steppe.searchQuotes(SearchRequest.of("quote:\"Donald Trump\"").withPage(0, 100));
    assertTrue(named.total() > 0);
    Set<String> aboutTrump = about("Trump");
    for (QuoteHit q : named.hits()) {
      assertTrue(aboutTrump.contains(q.id()), "about Trump: " + q.text());
    }
  }

  @Test
  void aboutCombinesWithTheOtherFiltersAndRepeatedMeansAll() throws IOException {
    Set<String> both = about("Trump", "Clinton");
    Set<String> expected = new TreeSet<>(about("Trump"));
    expected.retainAll(about("Clinton"));
    assertEquals(expected, both);
    assertTrue(!both.isEmpty(), "some quotes name both candidates");
    SearchResult<QuoteHit> words = steppe.searchQuotes(SearchRequest.of("president").about("Trump").withPage(0, 100));
    assertTrue(words.total() > 0 && words.total() < about("Trump").size(), "the words narrow the set: " + words.total());
    Set<String> trump = about("Trump");
    for (QuoteHit q : words.hits()) {
      assertTrue(trump.contains(q.id()), q.text());
    }
  }

  private static Set<String> about(String... names) throws IOException {
    Set<String> ids = new TreeSet<>();
    String cursor = null;
    SearchRequest request = SearchRequest.of("").about(names).withPage(0, 100);
    List<QuoteHit> all = new ArrayList<>();
    do {
      SearchResult<QuoteHit> page = steppe.searchQuotes(request.withCursor(cursor));
      all.addAll(page.hits());
      cursor = page.nextCursor();
    } while (cursor != null);
    all.forEach(q -> ids.add(q.id()));
    return ids;
  }
}
