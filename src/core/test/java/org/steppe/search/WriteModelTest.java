package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/** Articles from code and from the corpus folder side by side, enrichment given in code, deletions. */
class WriteModelTest {
  @TempDir Path index;
  @TempDir Path corpus;

  static ArticleInput cms(String id, String title, String body) {
    return ArticleInput.builder(id).title(title).body(body).source("Steppe Test Wire").date(LocalDate.of(2024, 5, 1)).build();
  }

  static Set<String> ids(SteppeSearch steppe, String query) throws IOException {
    return steppe.searchArticles(SearchRequest.of(query).withPage(0, 100)).hits().stream()
        .map(ArticleHit::id).collect(Collectors.toSet());
  }

  private void copySeeds() throws IOException {
    try (var seeds = Files.list(SeedCorpus.DIR)) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, corpus.resolve(seed.getFileName()));
      }
    }
  }

  @Test
  void aCorpusRunNeverRemovesArticlesPutFromCode() throws IOException {
    copySeeds();
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.put(cms("cms-1", "Saiga numbers", "Saiga antelope numbers recovered on the steppe."));
      steppe.commit();
      IndexSummary first = steppe.indexCorpus(corpus, null);
      assertEquals(5, first.added());
      assertEquals(0, first.removed(), "the article from code is not the corpus's to remove");
      assertEquals(5, first.articles(), "the summary counts the corpus's articles");

      steppe.put(cms("cms-2", "Saiga calves", "Saiga calves were counted in May.")); // not committed before the run
      Files.delete(corpus.resolve(SeedIndex.EDM));
      IndexSummary second = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(1, second.removed(), "only the corpus article whose file is gone");
      assertEquals(Set.of("cms-1", "cms-2"), ids(steppe, "saiga"));
      assertEquals(6, steppe.articleCount());
      assertNull(steppe.article("cms-1").orElseThrow().file(), "an article from code has no corpus file");
      assertEquals(SeedIndex.CABAR, steppe.article(SeedIndex.CABAR).orElseThrow().file());
    }
  }

  @Test
  void aCorpusFileNeverReplacesAnArticlePutFromCodeUnderItsIdAndSaysSo() throws IOException {
    copySeeds();
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.put(cms(SeedIndex.TENGRINEWS, "The CMS version", "This text came from the newsroom's system."));
      IndexSummary s = steppe.indexCorpus(corpus, null);
      assertEquals(4, s.added());
      IndexSummary.Problem problem = s.skipped().stream().filter(p -> p.file().equals(SeedIndex.TENGRINEWS)).findFirst().orElseThrow();
      assertTrue(problem.reason().contains("put from code"), problem.reason());
      assertEquals("The CMS version", steppe.article(SeedIndex.TENGRINEWS).orElseThrow().title());
    }
  }

  @Test
  void entitiesAndQuotesGivenInCodeAreIndexedAsGivenWithoutEnrichment() throws IOException {
    String body = "Minister Aigerim Tokash said: “We will open the border in May.” Nursultan Nazarbayev agreed.";
    int name = body.indexOf("Aigerim Tokash");
    int quote = body.indexOf("We will");
    int quoteEnd = body.indexOf("May.") + 4;
    ArticleInput input = ArticleInput.builder("given-1").title("Border to open").body(body).source("Steppe Test Wire")
        .entities(List.of(new ArticleEntity("Aigerim Tokash", EntityType.PERSON,
            List.of(new Mention(name, name + "Aigerim Tokash".length(), null)))))
        .quotes(List.of(new ArticleQuote(body.substring(quote, quoteEnd), QuoteKind.DIRECT, "Aigerim Tokash", "Minister",
            quote, quoteEnd, null)))
        .build();
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.put(input);
      steppe.commit();
      SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of(""));
      // Enrichment would have tagged Nazarbayev from the gazetteer: given entities are all there is.
      assertEquals(List.of(new EntityFacetValue("Aigerim Tokash", EntityType.PERSON, 1)), r.facets().entity());
      assertEquals(List.of(new FacetValue("Aigerim Tokash", 1)), r.facets().speaker());
      ArticleView view = steppe.article("given-1").orElseThrow();
      Mention m = view.entities().get(0).mentions().get(0);
      assertEquals("Aigerim Tokash", view.body().substring(m.start(), m.end()), "offsets index the body as given");
      ArticleQuote q = view.quotes().get(0);
      assertEquals("We will open the border in May.", view.body().substring(q.start(), q.end()));
      QuoteHit hit = steppe.searchQuotes(SearchRequest.of("border")).hits().get(0);
      assertEquals("Aigerim Tokash", hit.speaker());
      assertEquals(QuoteKind.DIRECT, hit.kind());
    }
  }

  @Test
  void givenOffsetsOutsideTheBodyAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleInput.builder("bad").body("Short.")
        .entities(List.of(new ArticleEntity("Nobody", EntityType.PERSON, List.of(new Mention(3, 40, null))))).build());
    assertTrue(e.getMessage().contains("outside the body"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ArticleInput.builder("bad").body("Short text.")
        .entities(List.of(new ArticleEntity("Short", EntityType.PLACE, List.of(new Mention(0, 5, "Long!"))))).build());
  }

  @Test
  void deleteByQueryRemovesTheMatchingArticlesWithTheirQuotesAndDeleteAllEverything() throws IOException {
    try (WritableSteppe steppe = SeedIndex.index(index)) {
      long quotes = steppe.quoteCount();
      long tengriQuotes = steppe.searchQuotes(SearchRequest.of("").withSources(List.of("Tengrinews"))).total();
      assertTrue(tengriQuotes > 0);
      steppe.put(cms("cms-1", "Nazarbayev opens a bridge", "President Nazarbayev opened a bridge over the Ishim."));
      assertEquals(2, steppe.deleteByQuery(SearchRequest.of("Ishim OR Adyrbekov").withPage(0, 1)),
          "the uncommitted article and the Tengrinews seed; page and size do not limit a delete");
      steppe.commit();
      assertEquals(4, steppe.articleCount());
      assertEquals(quotes - tengriQuotes, steppe.quoteCount(), "the article's quotes went with it");
      assertEquals(1, steppe.deleteByQuery(SearchRequest.of("").withSources(List.of("EADaily"))), "filters choose too");
      steppe.deleteAll();
      steppe.commit();
      assertEquals(0, steppe.articleCount());
      assertEquals(0, steppe.quoteCount());
    }
  }
}
