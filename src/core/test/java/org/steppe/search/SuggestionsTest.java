package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Autocomplete and did-you-mean, on the five seed articles. */
class SuggestionsTest extends SeedIndexedTest {

  static List<String> texts(String prefix) throws IOException {
    return steppe.suggest(prefix, 10).stream().map(Suggestion::text).toList();
  }

  @Test
  void completesAPersonFromTheStartOfTheSurname() throws IOException {
    assertEquals(new Suggestion("Nursultan Nazarbayev", Suggestion.Kind.PERSON), steppe.suggest("naz", 5).get(0));
  }

  @Test
  void completesAnOrganisationMostMentionedFirst() throws IOException {
    List<Suggestion> s = steppe.suggest("eura", 5);
    // Four articles mention the Union, one the Commission.
    assertEquals(new Suggestion("Eurasian Economic Union", Suggestion.Kind.ORGANIZATION), s.get(0));
    assertTrue(s.contains(new Suggestion("Eurasian Economic Commission", Suggestion.Kind.ORGANIZATION)), s.toString());
  }

  @Test
  void anAliasCompletesToTheCanonicalName() throws IOException {
    assertEquals("Nursultan Nazarbayev", texts("Nazarbae").get(0), "CABAR's spelling");
    assertEquals("Erlan Idrissov", texts("Yerlan Idr").get(0));
    assertEquals("Eurasian Economic Union", texts("EEU").get(0));
    assertEquals(1, texts("nazarb").stream().filter(t -> t.equals("Nursultan Nazarbayev")).count(), "each name once");
  }

  @Test
  void everyWordTypedMustMatch() throws IOException {
    assertEquals(List.of("Eurasian Economic Commission"), texts("eurasian economic comm"));
  }

  @Test
  void titlesAreSuggestedToo() throws IOException {
    assertTrue(steppe.suggest("limits of", 5).contains(new Suggestion("Russia –Kazakhstan: Limits of alliance", Suggestion.Kind.TITLE)));
    assertTrue(steppe.suggest("cave-i", 5).contains(new Suggestion("Kazak-Russian Treaty: Cave-in or Pragmatism?", Suggestion.Kind.TITLE)));
    // A word typed in full is found through its stem ("policy" is indexed as "polici").
    assertTrue(texts("multi-vector policy").contains("Multi-vector policy of Kazakhstan"));
  }

  @Test
  void namesComeFirstButTitlesKeepAPlace() throws IOException {
    List<Suggestion> s = steppe.suggest("ka", 6);
    assertEquals(6, s.size());
    assertEquals(new Suggestion("Kazakhstan", Suggestion.Kind.PLACE), s.get(0), "mentioned by all five articles");
    assertTrue(s.stream().filter(x -> x.kind() == Suggestion.Kind.TITLE).count() >= 2, s.toString());
  }

  @Test
  void nothingTypedNothingSuggested() throws IOException {
    assertEquals(List.of(), steppe.suggest("", 5));
    assertEquals(List.of(), steppe.suggest("   ", 5));
    assertEquals(List.of(), steppe.suggest("naz", 0));
    assertEquals(List.of(), steppe.suggest("qqqq", 5));
    assertThrows(IllegalArgumentException.class, () -> steppe.suggest("naz", -1));
  }

  @Test
  void didYouMeanCorrectsAMisspeltSurname() throws IOException {
    SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("Nazarbaiev"));
    assertEquals(0, r.total());
    assertNotNull(r.didYouMean());
    assertTrue(r.didYouMean().toLowerCase(Locale.ROOT).contains("nazarbayev")
        || r.didYouMean().toLowerCase(Locale.ROOT).contains("nazarbaev"), r.didYouMean());
    assertEquals(3, steppe.searchArticles(SearchRequest.of(r.didYouMean())).total(), "the correction finds all three, synonyms included");
  }

  @Test
  void didYouMeanCorrectsAMisspeltCountryAsTheArchiveSpellsIt() throws IOException {
    String fix = steppe.searchArticles(SearchRequest.of("Kazakstn")).didYouMean();
    assertTrue("Kazakstan".equals(fix) || "Kazakhstan".equals(fix), fix);
  }

  @Test
  void didYouMeanKeepsTheWordsThatWereRight() throws IOException {
    // Adyrbekov and Musinov are in the same one article: both words count, so the typo finds nothing.
    String fix = steppe.searchArticles(SearchRequest.of("Adyrbekov  Musinof")).didYouMean();
    assertEquals("Adyrbekov  Musinov", fix, "spacing kept, only the unknown word replaced");
  }

  @Test
  void noDidYouMeanWhenTheCorrectionFindsNothingMore() throws IOException {
    // Adyrbekov and Nazarbayev are never in the same article: the correction finds nothing either.
    assertNull(steppe.searchArticles(SearchRequest.of("Adyrbekov Nazarbaiev")).didYouMean());
  }

  @Test
  void noDidYouMeanWhenTheQueryFindsEnough() throws IOException {
    assertNull(steppe.searchArticles(SearchRequest.of("Kazakhstan")).didYouMean());
    assertNull(steppe.searchArticles(SearchRequest.of("Adyrbekov")).didYouMean(), "one hit, but every word is known");
  }

  @Test
  void noDidYouMeanForSyntaxItCannotRewriteSafely() throws IOException {
    assertNull(steppe.searchArticles(SearchRequest.of("title:Nazarbaiev")).didYouMean());
    assertNull(steppe.searchArticles(SearchRequest.of("\"Nazarbaiev said\"")).didYouMean());
    assertNull(steppe.searchArticles(SearchRequest.of("Nazarbai*")).didYouMean());
  }

  @Test
  void oddInputIsHandledQuickly() throws IOException {
    for (String odd : List.of("!!!", "\"", "naz*", "k", "-", "a".repeat(1999) + "!", "ab ".repeat(600) + "?", "ab ".repeat(66) + "?")) {
      long t0 = System.nanoTime();
      if (odd.length() > SearchRequest.MAX_SUGGEST_LENGTH) {
        // A pasted page is refused with a message rather than looked up word by word.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> steppe.suggest(odd, 5));
        assertTrue(e.getMessage().contains("limit is " + SearchRequest.MAX_SUGGEST_LENGTH), e.getMessage());
      } else {
        steppe.suggest(odd, 5);
      }
      try {
        steppe.searchArticles(SearchRequest.of(odd));
      } catch (QuerySyntaxException e) {
        // fine: some of these are not queries
      }
      assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "slow on " + odd.substring(0, Math.min(20, odd.length())));
    }
  }

  @Test
  void noDidYouMeanWhenNothingIsClose() throws IOException {
    assertNull(steppe.searchArticles(SearchRequest.of("xylophone")).didYouMean());
  }
}
