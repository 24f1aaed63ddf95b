package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/**
 * Whatever a reader types finds the articles where its words occur: punctuation that cannot be
 * syntax is text, broken syntax is searched as words with a notice, and only {@code strict} refuses.
 */
class LenientQueryTest {
  @TempDir static Path dir;
  static WritableSteppe steppe;

  @BeforeAll
  static void index() throws IOException {
    steppe = Steppe.openWritable(dir, SeedCorpus.STEPPE_CONFIG);
    put("rock", "AC/DC add dates to their tour", "The Australian band AC/DC said on Monday it would play three more concerts.");
    put("shops", "Shops to open 24/7 in Astana", "Supermarkets in Astana may now open 24/7, the city said.");
    put("yen", "Yen/dollar rate falls", "The yen/dollar rate fell as traders sold the yen against the dollar.");
    put("border", "Kazakhstan/Russia border talks resume", "Talks on the Kazakhstan/Russia border resumed in Omsk.");
    put("putin", "Putin visits Astana", "Putin met Nazarbayev in Astana to discuss trade.");
    put("policy", "Foreign policy review", "Kazakhstan's foreign policy: multi-vector, the minister said. What next?");
    put("treaty", "Treaty signed", "Nazarbayev and Putin signed the treaty on good-neighbourliness.");
    put("party", "Party time \uD83C\uDF89 in Almaty", "Almaty celebrated \uD83C\uDF89 with fireworks over the mountains.");
    put("dash", "Kazakhstan - a new capital", "A very long word: " + "pneumono".repeat(40) + " appears here.");
    put("att", "AT&T to buy cable company", "AT&T said it agreed to buy the company.");
    put("tbill", "T-bill rates rise at auction", "Three-month T-bill rates rose at the weekly auction.");
    steppe.commit();
  }

  private static int day;

  /** Each article a day newer than the one before. */
  private static void put(String id, String title, String body) throws IOException {
    steppe.put(ArticleInput.builder(id).title(title).body(body).source("Wire").date(LocalDate.of(2020, 1, 1).plusDays(day++)).build());
  }

  @AfterAll
  static void close() throws IOException {
    steppe.close();
  }

  private static SearchResult<ArticleHit> search(String q) throws IOException {
    return steppe.searchArticles(SearchRequest.of(q).withPage(0, 100));
  }

  private static Set<String> ids(String q) throws IOException {
    return search(q).hits().stream().map(ArticleHit::id).collect(Collectors.toSet());
  }

  /** The stored text of an article, lower-cased. */
  private static String text(String id) throws IOException {
    ArticleView a = steppe.article(id).orElseThrow();
    return (a.title() + " " + a.body()).toLowerCase(Locale.ROOT);
  }

  @Test
  void everyInputReadersTypeFindsTheArticlesWithItsWords() throws IOException {
    // input -> words every hit must contain, and one article that must be found
    Object[][] cases = {
        {"AC/DC", List.of("ac/dc"), "rock"},
        {"24/7", List.of("24/7"), "shops"},
        {"yen/dollar", List.of("yen", "dollar"), "yen"},
        {"Kazakhstan/Russia", List.of("kazakhstan", "russia"), "border"},
        {"Putin!", List.of("putin"), "putin"},
        {"foreign policy:", List.of("foreign", "policy"), "policy"},
        {"\"foreign policy", List.of("foreign", "policy"), "policy"},
        {"Nazarbayev AND", List.of("nazarbayev"), "treaty"},
        {"what?", List.of("what"), "policy"},
        {"\uD83C\uDF89 Almaty", List.of("almaty"), "party"},
        {"\"Putin", List.of("putin"), "putin"},
        {"Putin\"", List.of("putin"), "putin"},
        {"- Kazakhstan", List.of("kazakhstan"), "dash"},
        {"+Astana", List.of("astana"), "shops"},
        {"Putin && Nazarbayev", List.of("putin", "nazarbayev"), "treaty"},
        {"&& Putin", List.of("putin"), "putin"},
        {"pneumono".repeat(40), List.of("pneumono".repeat(30)), "dash"},
        {"(Astana OR Almaty", List.of(), "party"},
        {"Astana)", List.of("astana"), "shops"},
        {"title: treaty", List.of("treaty"), "treaty"},
        {"*stana", List.of("stana"), null},
        {"Putin~7", List.of("putin"), "putin"},
        {"/[Putin/", List.of("putin"), "putin"},
        {"Putin^x", List.of("putin"), "putin"},
        {"[Putin TO", List.of("putin"), "putin"},
        {"AT&T", List.of("at&t"), "att"},
        {"!Putin", List.of(), "rock"},
    };
    for (Object[] c : cases) {
      String q = (String) c[0];
      SearchResult<ArticleHit> r = search(q);
      @SuppressWarnings("unchecked")
      List<String> words = (List<String>) c[1];
      for (ArticleHit h : r.hits()) {
        for (String w : words) {
          assertTrue(text(h.id()).contains(w), q + " found " + h.id() + " without '" + w + "'");
        }
      }
      if (c[2] != null) {
        assertTrue(ids(q).contains((String) c[2]), q + " should find " + c[2] + ", found " + ids(q) + " (" + r.notice() + ")");
      }
    }
  }

  @Test
  void inputsWithNothingToSearchListEverythingNewestFirst() throws IOException {
    for (String q : List.of("*", "-", "+", "&&", "\"", "?", "!", "()", ":", "\\", "*:*")) {
      SearchResult<ArticleHit> r = search(q);
      assertEquals(11, r.total(), q);
      assertEquals("tbill", r.hits().get(0).id(), q + ": newest first");
    }
    assertEquals("tbill", steppe.searchArticles(SearchRequest.of("")).hits().get(0).id(), "the empty query too");
    assertEquals("rock", steppe.searchArticles(SearchRequest.of("").withSort(SortOrder.OLDEST)).hits().get(0).id(),
        "an explicit order is kept");
  }

  @Test
  void brokenSyntaxIsSearchedAsWordsWithANoticeSayingWhere() throws IOException {
    assertEquals("the quote at position 1 is not closed: its words were searched as words", search("\"foreign policy").notice());
    assertTrue(search("Nazarbayev AND").notice().contains("'AND' at position 12"), search("Nazarbayev AND").notice());
    assertTrue(search("(Astana OR Almaty").notice().contains("not closed"));
    assertTrue(search("*stana").notice().contains("may not start with a wildcard"));
    assertTrue(search("Putin~7").notice().contains("fuzzy"));
    // Punctuation that cannot be syntax is simply text: no notice.
    for (String q : List.of("AC/DC", "24/7", "Putin!", "what?", "foreign policy:", "Kazakhstan - Russia", "AT&T")) {
      assertNull(search(q).notice(), q);
    }
  }

  @Test
  void wellFormedSyntaxKeepsWorking() throws IOException {
    assertEquals(Set.of("treaty"), ids("\"signed the treaty\""));
    assertEquals(Set.of("putin", "treaty"), ids("Putin AND Nazarbayev"));
    assertEquals(Set.of("putin", "treaty", "shops", "party", "policy"), ids("Putin OR Astana OR Almaty OR multi-vector"));
    assertFalse(ids("Putin -treaty").contains("treaty"));
    assertEquals(Set.of("treaty"), ids("title:treaty"));
    assertEquals(Set.of("putin", "treaty"), ids("Puttin~1"));
    assertTrue(ids("Astan*").containsAll(Set.of("shops", "putin")));
    assertEquals(Set.of("putin"), ids("title:/vis.t/"));
  }

  @Test
  void aTrailingQuestionMarkEndsAQuestionButInsideAWordIsAWildcard() throws IOException {
    assertTrue(ids("what?").contains("policy"));
    assertEquals(Set.of("putin", "treaty"), ids("Put?n"));
  }

  @Test
  void wordsJoinedByPunctuationStayWhole() throws IOException {
    assertEquals(Set.of("att"), ids("AT&T"), "not every story with 'at' and a 't'");
    // Glued to "&T", "AT" is no acronym in the text, so typed in lower case it finds AT&T just the same.
    assertEquals(Set.of("att"), ids("at&t"));
    assertEquals(Set.of("yen"), ids("yen/dollar"));
  }

  @Test
  void strictKeepsTodaysRefusals() {
    for (String q : List.of("AC/DC", "Putin!", "foreign policy:", "\"foreign policy", "Nazarbayev AND", "*", "*stana", "(Astana")) {
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
          () -> steppe.searchArticles(SearchRequest.of(q).withStrict(true)), q);
      assertNotNull(e.getMessage());
    }
  }
}
