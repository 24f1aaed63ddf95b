package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.index.QuoteShingles;

/** One quote, many outlets: near-identical quotations by one speaker are found in every article carrying them. */
class ReportedByTest {
  static final String SAID = "We will never accept a treaty that limits the sovereignty of Kazakhstan over its own borders and resources";

  @TempDir Path work;

  @Test
  void quoteMarksEllipsesAndADroppedClauseKeepItOneQuote() {
    String straight = "\"We will never accept a treaty that limits the sovereignty of Kazakhstan,\"";
    assertTrue(QuoteShingles.sameQuote(SAID, "A", "We will never accept a treaty that limits the sovereignty of Kazakhstan\u2026", "A"));
    assertTrue(QuoteShingles.sameQuote(SAID, "A", straight, "A"));
    assertTrue(QuoteShingles.sameQuote(SAID, "A", "WE WILL NEVER accept a treaty that limits the sovereignty of Kazakhstan over its own borders", null));
    assertFalse(QuoteShingles.sameQuote(SAID, "A", SAID, "B"), "another speaker saying it is another quote");
    assertFalse(QuoteShingles.sameQuote(SAID, "A", "The treaty is good for Kazakhstan and we accept it without conditions", "A"));
    assertFalse(QuoteShingles.sameQuote("We will see about that", null, "We will see about that", null), "a stock phrase with no speaker is not a quotation");
    assertFalse(QuoteShingles.sameQuote("absolutely", "A", "Absolutely,", "A"), "a word or two proves nothing");
    assertEquals(QuoteShingles.bandKeys(SAID), QuoteShingles.bandKeys("\u201cWe will NEVER accept a treaty \u2014 that limits the sovereignty of Kazakhstan over its own borders and resources!\u201d"));
  }

  @Test
  void otherArticlesReportingAQuoteAreListedAndFollowReindexingAndRemoval() throws IOException {
    try (WritableSteppe steppe = Steppe.openWritable(work.resolve("index"), SeedCorpus.STEPPE_CONFIG)) {
      steppe.put(article("wire", "2015-03-01", "Tengrinews", "\u201c" + SAID + ",\u201d Musinov said."));
      steppe.put(article("paper", "2015-03-02", "EADaily", "Musinov said: \"" + SAID.replace(" over its own borders and resources", "")
          + "...\" The senate listened."));
      steppe.put(article("other", "2015-03-03", "CABAR.asia", "Musinov said: \"The weather in Astana is cold this week and we will travel by train.\""));
      steppe.commit();
      Map<String, QuoteHit> byArticle = quotes(steppe);
      assertEquals(List.of("paper"), articleIds(byArticle.get("wire")));
      assertEquals(List.of("wire"), articleIds(byArticle.get("paper")));
      assertEquals(List.of(), articleIds(byArticle.get("other")));
      QuoteHit.Report r = byArticle.get("wire").reportedBy().get(0);
      assertEquals("EADaily", r.article().source());
      assertEquals(LocalDate.of(2015, 3, 2), r.article().date());
      assertEquals(byArticle.get("paper").id(), r.quoteId());

      // The paper re-indexed with other words is no longer the same quote; a new copy is.
      steppe.put(article("paper", "2015-03-02", "EADaily", "Musinov said: \"Talks on the pipeline will resume in spring, after the budget is passed.\""));
      steppe.put(article("digest", "2015-03-05", "Reuters", "As Musinov put it, \u201c" + SAID + "\u201d."));
      steppe.commit();
      assertEquals(List.of("digest"), articleIds(quotes(steppe).get("wire")));
      steppe.delete("digest");
      steppe.commit();
      assertEquals(List.of(), articleIds(quotes(steppe).get("wire")));
    }
  }

  private static ArticleInput article(String id, String date, String source, String body) {
    int open = body.indexOf(body.contains("\u201c") ? '\u201c' : '"') + 1;
    int close = body.indexOf(body.contains("\u201d") ? '\u201d' : '"', open);
    String text = body.substring(open, close).replaceAll("[,.]+$", "");
    return ArticleInput.builder(id).title("Article " + id).body(body).source(source).date(LocalDate.parse(date))
        .entities(List.of())
        .quotes(List.of(new ArticleQuote(text, QuoteKind.DIRECT, "Askar Musinov", null, open, open + text.length(), body)))
        .build();
  }

  private static Map<String, QuoteHit> quotes(SteppeSearch steppe) throws IOException {
    return steppe.searchQuotes(SearchRequest.of("").withPage(0, 100)).hits().stream()
        .collect(Collectors.toMap(q -> q.article().id(), q -> q));
  }

  private static List<String> articleIds(QuoteHit q) {
    return q.reportedBy().stream().map(r -> r.article().id()).toList();
  }
}
