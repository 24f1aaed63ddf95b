package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/** Every word of a short query counts, acronyms are not stop words, and a wire's repeats fold. */
class WordsThatCountTest {
  @TempDir static Path seedDir;
  @TempDir static Path dir;
  static WritableSteppe seeds;
  static WritableSteppe steppe;

  @BeforeAll
  static void index() throws IOException {
    seeds = SeedIndex.index(seedDir);
    steppe = Steppe.openWritable(dir, SeedCorpus.STEPPE_CONFIG);
    put("is-group", "Militants seize town", "Fighters of IS seized the town on Sunday, officials said.", 1);
    put("is-verb", "Weather is mild", "The weather is mild and the harvest is early, farmers said.", 2);
    put("who-org", "Health agency warns", "The WHO warned of a measles outbreak in the region.", 3);
    put("who-word", "Who won the vote", "Nobody knows who won the vote, said the man who counted it.", 4);
    put("oil-near", "Oil prices rise", "Oil prices rose on Monday as supplies tightened.", 5);
    put("oil-far", "Warrants exercised", "The oil company said holders exercised warrants. The exercise prices were set in May.", 6);
    put("wire-1", "Grain harvest beats forecasts", "Farmers brought in a record grain harvest this year, the ministry said on Tuesday, "
        + "beating forecasts by a tenth after a wet spring and a warm summer.", 7);
    put("wire-2", "Grain harvest beats forecasts", "Farmers brought in a record grain harvest this year, the ministry said on Wednesday, "
        + "beating forecasts by a tenth after a wet spring and a warm summer.", 8);
    put("wire-3", "Grain harvest beats forecasts", "A different story under the same headline: millers complained about the price of "
        + "storage and the lack of trucks at harvest time.", 9);
    put("solar-near", "Solar-powered buses for Astana", "The city bought forty solar-powered buses.", 10);
    put("solar-far", "Buses run on sunshine", "Panels on the roof make the buses solar: they are powered by those panels.", 11);
    put("solar-only", "Solar farm opens", "A solar farm opened near the city.", 12);
    put("t-bill", "Bond auction", "Three-month T-bill rates rose at the weekly auction.", 13);
    put("bill-t", "Senate vote", "The bill was signed by T. Smith, the clerk.", 14);
    steppe.commit();
  }

  private static void put(String id, String title, String body, int day) throws IOException {
    steppe.put(ArticleInput.builder(id).title(title).body(body).source("Wire").date(LocalDate.of(2021, 1, day)).build());
  }

  @AfterAll
  static void close() throws IOException {
    seeds.close();
    steppe.close();
  }

  private static List<String> ids(SearchResult<ArticleHit> r) {
    return r.hits().stream().map(ArticleHit::id).toList();
  }

  @Test
  void musinovSovereigntyFindsMusinovsSovereigntyQuotesAndNothingLackingEitherWord() throws IOException {
    SearchResult<QuoteHit> r = seeds.searchQuotes(SearchRequest.of("Musinov sovereignty").withPage(0, 100));
    assertFalse(r.hits().isEmpty());
    for (QuoteHit q : r.hits()) {
      String all = (q.text() + " " + q.speaker() + " " + q.context()).toLowerCase(Locale.ROOT);
      assertTrue(all.contains("musinov") && all.contains("sovereignty"), q.id() + ": " + all);
    }
    QuoteHit first = r.hits().get(0);
    assertEquals("Askar Musinov", first.speaker());
    assertTrue(first.text().toLowerCase(Locale.ROOT).contains("sovereignty"), first.text());
    assertTrue(r.total() < seeds.searchQuotes(SearchRequest.of("Musinov OR sovereignty")).total(), "OR still means or");
  }

  @Test
  void acronymsInCapitalsAreNotTheStopWordsTheySpell() throws IOException {
    assertEquals(List.of("is-group"), ids(steppe.searchArticles(SearchRequest.of("IS fighters"))));
    SearchResult<ArticleHit> is = steppe.searchArticles(SearchRequest.of("IS"));
    assertEquals(List.of("is-group"), ids(is));
    // The mark is not in the text: the snippet highlights the acronym as written.
    assertTrue(is.hits().get(0).snippet().contains("of <mark>IS</mark> seized"), is.hits().get(0).snippet());
    assertEquals(List.of("who-org"), ids(steppe.searchArticles(SearchRequest.of("WHO"))));
    // "who" alone is all the query has, so it is searched: the word, not the organisation.
    assertEquals(Set.of("who-word"), Set.copyOf(ids(steppe.searchArticles(SearchRequest.of("who")))));
    // Among other words, "is" and "who" are left out; shouted, every word is an ordinary word.
    assertEquals(List.of("is-verb"), ids(steppe.searchArticles(SearchRequest.of("is the weather mild"))));
    assertEquals(List.of("is-verb"), ids(steppe.searchArticles(SearchRequest.of("IS THE WEATHER MILD"))));
  }

  @Test
  void wordsNearEachOtherRankFirst() throws IOException {
    List<String> hits = ids(steppe.searchArticles(SearchRequest.of("oil prices")));
    assertEquals(List.of("oil-near", "oil-far"), hits);
  }

  @Test
  void aWiresRepeatIsFoldedUnderTheStoryItRepeats() throws IOException {
    SearchRequest grain = SearchRequest.of("grain harvest").withPage(0, 10);
    SearchResult<ArticleHit> plain = steppe.searchArticles(grain);
    assertEquals(3, plain.hits().size());
    SearchResult<ArticleHit> grouped = steppe.searchArticles(grain.withGroupSimilar(true));
    assertEquals(3, grouped.total(), "the total still counts every article");
    assertEquals(2, grouped.hits().size(), "the same headline over a different text is not a repeat");
    String leader = grouped.hits().get(0).id();
    assertTrue(Set.of("wire-1", "wire-2").contains(leader), leader);
    assertEquals(1, grouped.similar().get(leader).size());
    assertEquals(Set.of("wire-1", "wire-2"),
        Set.of(leader, grouped.similar().get(leader).get(0).id()));
    assertTrue(steppe.searchQuotes(SearchRequest.of("harvest").withGroupSimilar(true)).similar().isEmpty());
    assertEquals(Set.of("wire-1", "wire-2", "wire-3"),
        plain.hits().stream().map(ArticleHit::id).collect(Collectors.toSet()));
  }

  @Test
  void aCompoundOfWordsNeedsAllItsWordsTogetherOrApart() throws IOException {
    // "solar-powered" is the words solar and powered, wherever they stand; together ranks first
    List<String> hits = ids(steppe.searchArticles(SearchRequest.of("solar-powered")));
    assertEquals(Set.of("solar-near", "solar-far"), Set.copyOf(hits));
    assertEquals("solar-near", hits.get(0));
    // a short part keeps the word whole: T-bill is the phrase, not "t" and "bill" apart
    assertEquals(List.of("t-bill"), ids(steppe.searchArticles(SearchRequest.of("T-bill"))));
    assertEquals(Set.of("solar-only", "solar-near", "solar-far"), Set.copyOf(ids(steppe.searchArticles(SearchRequest.of("solar")))));
  }
}
