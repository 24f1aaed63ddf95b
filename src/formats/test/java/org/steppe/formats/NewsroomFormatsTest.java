package org.steppe.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.search.ArticleQuote;
import org.steppe.search.ArticleView;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.SearchRequest;
import org.steppe.search.Steppe;
import org.steppe.search.WritableSteppe;

/** A newsroom's corpus of web pages, feeds and CMS exports indexes and searches like text. */
class NewsroomFormatsTest {
  private static final Path FILES = Path.of("src/formats/test/resources/formats");
  @TempDir Path corpus;
  @TempDir Path index;

  @Test
  void everyFormatIsIndexedSearchedAndShownLikeText() throws Exception {
    Files.createDirectories(corpus.resolve("web"));
    Files.createDirectories(corpus.resolve("feeds"));
    Files.copy(FILES.resolve("news-page.html"), corpus.resolve("web/caspian.html"));
    try (ByteArrayOutputStream zipped = new ByteArrayOutputStream(); GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(Files.readAllBytes(FILES.resolve("og-only.htm")));
      gz.finish();
      Files.write(corpus.resolve("web/wheat.htm.gz"), zipped.toByteArray());
    }
    for (String feed : List.of("wire.rss", "briefs.atom", "headlines.xml", "broken.rss")) {
      Files.copy(FILES.resolve(feed), corpus.resolve("feeds/" + feed));
    }
    Files.copy(Path.of("src/core/test/resources/formats/cms-export.jsonl"), corpus.resolve("cms.jsonl"));
    Files.copy(SeedCorpus.DIR.resolve("001_70616fac980b1ee6.txt"), corpus.resolve("001.txt"));

    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      IndexSummary first = steppe.indexCorpus(corpus, IndexProgress.NONE);
      // 1 text + 2 pages + 3 RSS items + 2 Atom entries + 1 item in an .xml feed + 3 good JSON lines
      assertEquals(12, first.added(), first.toString());
      assertTrue(first.skipped().stream().anyMatch(p -> p.file().equals("feeds/broken.rss")), first.skipped().toString());
      assertTrue(first.skipped().stream().anyMatch(p -> p.file().equals("cms.jsonl:2")), first.skipped().toString());

      assertEquals(1, steppe.searchArticles(SearchRequest.of("\"legal status of the Caspian Sea\"")).total(), "a web page");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("\"17 million tonnes\"")).total(), "a gzipped page");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("\"historic compromise\"")).total(), "an RSS item");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("title:budget")).total(), "an Atom entry, by title");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("Shymkent")).total(), "an .xml feed");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("Irtysh")).total(), "a JSON Lines article");
      assertEquals(0, steppe.searchArticles(SearchRequest.of("cookie OR sturgeon OR \"Most read\"")).total(), "page furniture is not indexed");
      assertEquals(3, steppe.searchArticles(SearchRequest.of("").withSources(List.of("Steppe Wire"))).total(), "the feed is the source");

      ArticleView page = steppe.article("web/caspian.html").orElseThrow();
      assertEquals("Senate ratifies the Caspian treaty", page.title());
      assertEquals(LocalDate.of(2019, 11, 19), page.date());
      assertFalse(page.quotes().isEmpty(), "the senator's quote is found in a web page");
      for (ArticleQuote q : page.quotes()) {
        assertEquals(q.text(), page.body().substring(q.start(), q.end()), "quote offsets index the body");
      }
      ArticleView item = steppe.article("wire-2018-0812").orElseThrow();
      assertTrue(item.quotes().stream().anyMatch(q -> q.text().contains("historic compromise")), item.quotes().toString());

      IndexSummary again = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(0, again.added() + again.updated() + again.removed(), "ids are stable: nothing changes on a second run");
      assertEquals(12, again.unchanged());
    }
  }
}
