package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every search is a feed: {@code /api/search.atom} and {@code /api/quotes.atom} over the seeds, a
 * Reuters file (more than 50 dated stories) and hostile articles, read back with Rome's Atom parser.
 */
class FeedTest {
  static final Path REUTERS = Path.of("../shared/datasets/reuters21578/reut2-000.sgm");
  @TempDir static Path work;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(REUTERS), "the shared datasets are beside the checkout");
    Map<String, String> files = new HashMap<>(HostileCorpus.FILES);
    files.put("reuters/reut2-000.sgm", Files.readString(REUTERS, StandardCharsets.ISO_8859_1));
    server = TestServer.start(TestServer.corpus(work, true, files), work);
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  static Feed feed(String pathAndQuery) {
    HttpResponse<String> r = server.get(pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"), r.headers().toString());
    try {
      WireFeedInput in = new WireFeedInput();
      in.setXmlHealerOn(false); // a feed that needs healing is not valid
      Feed feed = (Feed) in.build(new StringReader(r.body()));
      assertEquals("atom_1.0", feed.getFeedType());
      return feed;
    } catch (Exception e) {
      throw new AssertionError("not a valid Atom feed: " + e + "\n" + r.body(), e);
    }
  }

  @Test
  void aSearchFeedHoldsTheNewestFiftyMatchesNewestFirstWithEveryRequiredElement() {
    Feed f = feed("/api/search.atom?q=oil");
    long total = server.json("/api/search?q=oil").get("total").asLong();
    assertTrue(total > 50, "Reuters has many oil stories: " + total);
    assertEquals(50, f.getEntries().size());
    assertTrue(f.getId() != null && f.getUpdated() != null && f.getTitle() != null && !f.getAuthors().isEmpty());
    Date previous = null;
    String newest = server.json("/api/search?q=oil&sort=newest&size=1").get("hits").get(0).get("date").asText();
    assertEquals(newest, f.getEntries().get(0).getUpdated().toInstant().toString().substring(0, 10));
    for (Entry e : f.getEntries()) {
      assertTrue(e.getId().startsWith("urn:steppe:article:"), e.getId());
      assertTrue(e.getTitle() != null && e.getUpdated() != null && !e.getAlternateLinks().isEmpty());
      if (previous != null) {
        assertFalse(e.getUpdated().after(previous), "newest first");
      }
      previous = e.getUpdated();
    }
    assertEquals(f.getEntries().get(0).getUpdated(), f.getUpdated(), "the feed is as new as its newest entry");
  }

  @Test
  void entryIdsAreStableAndFiltersApplyAsInTheJsonRoute() {
    List<String> first = feed("/api/search.atom?q=oil&page=3&size=7&sort=oldest").getEntries().stream().map(Entry::getId).toList();
    List<String> again = feed("/api/search.atom?q=oil").getEntries().stream().map(Entry::getId).toList();
    assertEquals(first, again, "paging and order parameters do not change a feed");
    Feed tengri = feed("/api/search.atom?source=Tengrinews");
    long tengriTotal = server.json("/api/search?source=Tengrinews").get("total").asLong();
    assertEquals(tengriTotal, tengri.getEntries().size());
    assertEquals(400, server.get("/api/search.atom?from=yesterday").statusCode());
    assertEquals(400, server.get("/api/quotes.atom?strict=true&q=" + URLEncoder.encode("(unclosed", StandardCharsets.UTF_8)).statusCode());
  }

  @Test
  void aQuoteFeedNamesTheSpeakerAndLinksTheArticle() {
    Feed f = feed("/api/quotes.atom?about=Nazarbaev");
    long total = server.json("/api/quotes?about=Nazarbaev").get("total").asLong();
    assertTrue(total > 0);
    assertEquals(total, f.getEntries().size());
    Set<String> ids = new HashSet<>();
    for (Entry e : f.getEntries()) {
      assertTrue(e.getId().startsWith("urn:steppe:quote:"), e.getId());
      assertTrue(ids.add(e.getId()), "ids are unique");
      assertTrue(e.getAlternateLinks().get(0).getHref().contains("view=article&id="), e.getAlternateLinks().get(0).getHref());
      assertTrue(e.getContents().get(0).getValue().contains("Nazarba"), e.getContents().get(0).getValue());
    }
    assertTrue(f.getTitle().contains("about Nazarbaev"), f.getTitle());
  }

  @Test
  void markupInArticlesArrivesAsEscapedTextNotAsMarkup() {
    Feed f = feed("/api/search.atom?q=hostile");
    Entry hostile = f.getEntries().stream().filter(e -> e.getId().contains("hostile")).findFirst().orElseThrow();
    assertEquals(HostileCorpus.HOSTILE_TITLE, hostile.getTitleEx().getValue(), "the title is the text, escaped in the XML");
    assertEquals("text", hostile.getTitleEx().getType());
    String body = server.get("/api/search.atom?q=hostile").body();
    assertFalse(body.contains("<script>"), "no live markup in the feed");
    assertTrue(hostile.getContents().get(0).getValue().contains("<img src=x"), "content keeps the words as text");
  }
}
