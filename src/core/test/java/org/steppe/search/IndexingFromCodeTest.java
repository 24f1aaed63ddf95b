package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Articles put, replaced and deleted from code (a CMS), each test on its own index. */
class IndexingFromCodeTest {
  @TempDir Path dir;

  static ArticleInput article(String id, String title, String body) {
    return new ArticleInput(id, title, body, "Steppe Test Wire", LocalDate.of(2024, 5, 1), null, null, null, null);
  }

  static Set<String> ids(Steppe steppe, String query) throws IOException {
    return steppe.searchArticles(SearchRequest.of(query).withPage(0, 100)).hits().stream()
        .map(ArticleHit::id).collect(Collectors.toSet());
  }

  @Test
  void putUpdateAndDeleteAreSeenAfterCommit() throws IOException {
    try (WritableSteppe steppe = Steppe.openWritable(dir, SeedIndex.CONFIG)) {
      steppe.put(article("a1", "Steppe eagles return", "Golden eagles returned to the Altai this spring."));
      assertEquals(Set.of(), ids(steppe, "eagles"), "nothing is visible before commit");
      steppe.commit();
      assertEquals(Set.of("a1"), ids(steppe, "eagles"));

      steppe.put(article("a1", "Steppe falcons return", "Saker falcons returned to the Altai this spring."));
      steppe.commit();
      assertEquals(Set.of(), ids(steppe, "eagles"), "the new version replaced the old one");
      assertEquals(Set.of("a1"), ids(steppe, "falcons"));
      assertEquals(1, steppe.articleCount());

      steppe.delete("a1");
      steppe.commit();
      assertEquals(Set.of(), ids(steppe, "falcons"));
      assertEquals(0, steppe.articleCount());
    }
  }

  @Test
  void uncommittedChangesStayInvisibleEvenAfterTheBackgroundRefresh() throws Exception {
    try (WritableSteppe steppe = Steppe.openWritable(dir, SeedIndex.CONFIG)) {
      steppe.put(article("b1", "Before", "Bactrian camels graze near Aralsk."));
      steppe.commit();
      steppe.put(article("b2", "Pending", "Bactrian camels are counted in spring."));
      steppe.delete("b1");
      Thread.sleep(1_500); // the refresher runs every second
      steppe.refresh();
      assertEquals(Set.of("b1"), ids(steppe, "camels"), "searches see the last commit, not work in progress");
      steppe.commit();
      assertEquals(Set.of("b2"), ids(steppe, "camels"));
    }
  }

  @Test
  void aReadOnlyInstanceSeesAnotherWritersCommits() throws Exception {
    try (WritableSteppe writer = Steppe.openWritable(dir, SeedIndex.CONFIG);
         Steppe reader = Steppe.open(dir, SeedIndex.CONFIG)) {
      writer.put(article("r1", "Saiga numbers", "Saiga antelope numbers recovered on the steppe."));
      writer.commit();
      reader.refresh(); // otherwise within a second
      assertEquals(Set.of("r1"), ids(reader, "saiga"));
      assertEquals("Saiga numbers", reader.article("r1").orElseThrow().title());
    }
  }

  @Test
  void codeAndCorpusArticlesLiveSideBySide() throws IOException {
    try (WritableSteppe steppe = SeedIndex.index(dir)) {
      steppe.put(article("cms-1", "Nazarbayev opens a bridge", "President Nazarbayev opened a bridge over the Ishim in Astana."));
      steppe.commit();
      assertEquals(Set.of(SeedIndex.CABAR, SeedIndex.EADAILY, SeedIndex.EDM, "cms-1"), ids(steppe, "Nazarbaev"));
      SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("").withSources(List.of("Steppe Test Wire")));
      assertEquals(1, r.total());
      ArticleHit hit = r.hits().get(0);
      assertEquals("Nazarbayev opens a bridge", hit.title());
      assertEquals(LocalDate.of(2024, 5, 1), hit.date());
      assertTrue(hit.entities().contains(new EntityRef("Nursultan Nazarbayev", EntityType.PERSON)), hit.entities().toString());
    }
  }

  @Test
  void markupInAnArticleComesBackEscapedInSnippets() throws IOException {
    try (WritableSteppe steppe = Steppe.openWritable(dir, SeedIndex.CONFIG)) {
      steppe.put(article("x1", "Zanzibar <b>notes</b>",
          "A page about Zanzibar once carried <script>alert('zanzibar')</script> & \"quotes\" in its text."));
      steppe.commit();
      ArticleHit hit = steppe.searchArticles(SearchRequest.of("zanzibar")).hits().get(0);
      assertFalse(hit.snippet().contains("<script"), hit.snippet());
      assertTrue(hit.snippet().contains("&lt;script&gt;"), hit.snippet());
      assertTrue(hit.snippet().contains("<mark>Zanzibar</mark>"), hit.snippet());
      assertFalse(hit.snippet().replace("<mark>", "").replace("</mark>", "").contains("<"), hit.snippet());
    }
  }

  @Test
  void speakersAreFacetedAndFilteredWhenQuotesAreFound() throws IOException {
    try (WritableSteppe steppe = Steppe.openWritable(dir, SeedIndex.CONFIG)) {
      steppe.put(article("q1", "Nazarbayev on sovereignty",
          "\"We will never give up one iota of our sovereignty,\" Nursultan Nazarbayev said on Tuesday in Astana."));
      steppe.put(article("q2", "Weather in Almaty", "Snow fell in Almaty overnight, closing two mountain roads."));
      steppe.commit();
      SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of(""));
      List<FacetValue> speakers = r.facets().speaker();
      // Quote extraction is pluggable and may find nothing yet; whatever it finds must be this one speaker.
      assertTrue(speakers.isEmpty() || speakers.equals(List.of(new FacetValue("Nursultan Nazarbayev", 1))), speakers.toString());
      if (!speakers.isEmpty()) {
        assertEquals(Set.of("q1"), steppe.searchArticles(SearchRequest.of("").withSpeakers(List.of("Nursultan Nazarbayev")))
            .hits().stream().map(ArticleHit::id).collect(Collectors.toSet()));
        assertTrue(steppe.suggest("naz", 5).stream().anyMatch(s -> s.text().equals("Nursultan Nazarbayev")));
      }
      assertEquals(0, steppe.searchArticles(SearchRequest.of("").withSpeakers(List.of("Nobody"))).total());
    }
  }

  @Test
  void suggestionsFollowCommits() throws IOException {
    try (WritableSteppe steppe = SeedIndex.index(dir)) {
      assertFalse(steppe.suggest("zebra", 5).contains(new Suggestion("Zebra crossings in Sochi", Suggestion.Kind.TITLE)));
      steppe.put(article("z1", "Zebra crossings in Sochi", "Sochi painted new zebra crossings."));
      steppe.put(article("z2", "Sochi harbour reopens", "The harbour of Sochi reopened after repairs."));
      steppe.commit();
      assertTrue(steppe.suggest("zebra", 5).contains(new Suggestion("Zebra crossings in Sochi", Suggestion.Kind.TITLE)));
      // Sochi was one of several places starting "so" mentioned once; now three articles name it.
      assertEquals(new Suggestion("Sochi", Suggestion.Kind.PLACE), steppe.suggest("so", 5).get(0));
      steppe.delete("z1");
      steppe.delete("z2");
      steppe.commit();
      assertFalse(steppe.suggest("zebra", 5).contains(new Suggestion("Zebra crossings in Sochi", Suggestion.Kind.TITLE)));
    }
  }
}
