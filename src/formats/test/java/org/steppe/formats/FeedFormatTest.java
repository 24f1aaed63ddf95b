package org.steppe.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.RecordingListener;

/** RSS and Atom feeds: every item an article with its own metadata; broken feeds skipped by name. */
class FeedFormatTest {
  private static final Path FILES = Path.of("src/formats/test/resources/formats");
  @TempDir Path corpus;
  private final RecordingListener listener = new RecordingListener();

  private Map<String, Article> read(String name) throws IOException {
    Path file = corpus.resolve(name);
    Files.copy(FILES.resolve(name), file);
    List<Article> articles = Corpus.open(corpus, SeedCorpus.CONFIG, listener).read(file);
    return articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));
  }

  @Test
  void rssItemsAreArticlesWithStableIds() throws IOException {
    Map<String, Article> items = read("wire.rss");
    assertEquals(3, items.size(), items.keySet().toString());

    Article summit = items.get("wire-2018-0812");
    assertEquals("Astana hosts Caspian summit", summit.metadata().title());
    assertEquals("Steppe Wire", summit.metadata().source());
    assertEquals(LocalDate.of(2018, 8, 12), summit.metadata().date());
    assertEquals("Marat Zhumabekov", summit.metadata().author());
    assertEquals("https://wire.example/2018/08/summit", summit.metadata().url());
    assertEquals("wire.rss", summit.file());
    String body = summit.body();
    assertTrue(body.startsWith("The leaders of the five Caspian states signed"), "content:encoded wins over the description: " + body);
    assertTrue(body.contains("signed the convention in Aktau on Sunday.\n\n\"Today we have reached"), body);
    assertFalse(body.contains("trackView"), "scripts are not text: " + body);
    assertFalse(body.contains("Share on Facebook"), "the HTML path drops furniture: " + body);

    Article tenge = items.get("https://wire.example/2018/08/tenge");
    assertTrue(tenge != null, "no guid: the link is the id " + items.keySet());
    assertEquals("The national currency fell 2 percent on Monday as the rouble slid, the central bank said.", tenge.body());
    assertEquals(LocalDate.of(2018, 8, 13), tenge.metadata().date());

    Article harvest = items.get("wire.rss#3");
    assertTrue(harvest != null, "neither guid nor link: the file and position " + items.keySet());
    assertNull(harvest.metadata().date(), "no date stated, none invented");
    assertEquals(items.keySet(), read2("wire.rss"), "ids are the same on every read");
  }

  private java.util.Set<String> read2(String name) throws IOException {
    return Corpus.open(corpus, SeedCorpus.CONFIG, listener).read(corpus.resolve(name)).stream()
        .map(Article::id).collect(Collectors.toSet());
  }

  @Test
  void atomEntriesUseContentElseSummary() throws IOException {
    Map<String, Article> entries = read("briefs.atom");
    Article budget = entries.get("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
    assertEquals("Parliament passes budget", budget.metadata().title(), "an HTML title is read as text");
    assertEquals("The lower house passed the 2020 budget on Monday by 84 votes to 12.\n\nSpending on schools rises by a tenth.", budget.body());
    assertEquals("Dana Akhmetova", budget.metadata().author());
    assertEquals("Steppe Briefs", budget.metadata().source());
    assertEquals(LocalDate.of(2020, 3, 2), budget.metadata().date());
    Article metro = entries.get("urn:uuid:9b0c2a1e-0000-4c6f-8d5e-metro");
    assertEquals("The second metro line in Almaty opened to passengers on Friday morning.", metro.body());
    assertEquals(LocalDate.of(2020, 2, 28), metro.metadata().date(), "no published date: the last update");
  }

  @Test
  void anXmlFileIsReadWhenItIsAFeedAndSkippedWhenNot() throws IOException {
    Map<String, Article> items = read("headlines.xml");
    Article cafe = items.get("https://headlines.example/cafe");
    assertEquals("Café chain expands", cafe.metadata().title());
    assertTrue(cafe.body().startsWith("The café chain opened"), "declared ISO-8859-1 honoured: " + cafe.body());

    assertTrue(read("sitemap.xml").isEmpty());
    assertTrue(listener.skipped.get("sitemap.xml").contains("not an RSS or Atom feed"), listener.skipped.toString());
  }

  @Test
  void aMalformedFeedIsSkippedWithTheParsersLine() throws IOException {
    assertTrue(read("broken.rss").isEmpty());
    String reason = listener.skipped.get("broken.rss");
    assertTrue(reason != null && reason.contains("not a well-formed feed") && reason.contains("line"), listener.skipped.toString());
  }
}
