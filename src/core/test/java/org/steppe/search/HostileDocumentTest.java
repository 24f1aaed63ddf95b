package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.search.IndexProgress;

/**
 * Articles written to attack the page that shows them: every HTML field the library returns
 * (snippets) is escaped with only {@code <mark>} left as markup; plain-text fields come back as the
 * plain text they were; article ids that look like paths find nothing and read no file.
 */
class HostileDocumentTest {
  private static final String SCRIPT = "<script>alert('x')</script>";
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String LINK = "<a href=\"javascript:alert(document.cookie)\">click</a>";
  private static final String TITLE = "Tengiz \"oil\" <b>deal</b> & <script>steal()</script>";
  private static final String SOURCE = "Evil <script>src</script> \"News\" & Co";
  private static final String SPEAKER_PAGE = "The minister Karim <i>Masimov</i> said: \"Pipelines <script>x()</script> & tariffs are a priority,\" on Monday.";

  @TempDir static Path corpus;
  @TempDir static Path index;
  private static Steppe steppe;

  @BeforeAll
  static void indexHostileArticles() throws Exception {
    Files.writeString(corpus.resolve("script.txt"), "Pipelines and scripts\n\nThe pipeline report " + SCRIPT
        + " was published in Astana. Tariffs " + IMG + " rose. See " + LINK + " for more on pipelines.\n\n"
        + "\"The pipeline <b>is</b> ready & safe,\" Karim Masimov said in Astana.");
    Files.writeString(corpus.resolve("titled.txt"), "Placeholder title\n\nA pipeline story from the steppe about oil.");
    Files.writeString(corpus.resolve("speaker.txt"), "Speaker story\n\n" + SPEAKER_PAGE);
    // The manifest states hostile metadata, as a careless (or hostile) CMS export might.
    Files.writeString(corpus.resolve("manifest.jsonl"),
        "{\"file\": \"titled.txt\", \"title\": " + json(TITLE) + ", \"source\": " + json(SOURCE)
            + ", \"author\": " + json("<img src=x onerror=alert(2)>") + ", \"url\": \"javascript:alert(3)\"}\n");
    try (WritableSteppe w = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      w.indexCorpus(corpus, IndexProgress.NONE);
      w.put(new ArticleInput("../../etc/passwd", "Path <script>title</script>", "A pipeline article whose id looks like a path.",
          "<b>Src</b>", null, null, null, null, null));
      w.commit();
    }
    steppe = Steppe.open(index, SeedCorpus.STEPPE_CONFIG);
  }

  @AfterAll
  static void close() throws Exception {
    steppe.close();
  }

  @Test
  void articleSnippetsAreEscapedWithOnlyMarkLeft() throws Exception {
    List<String> snippets = new ArrayList<>();
    for (String q : List.of("pipeline", "script", "alert", "onerror", "javascript", "img", "tariffs", "", "b", "lt", "amp")) {
      for (ArticleHit h : steppe.searchArticles(SearchRequest.of(q).withPage(0, 100)).hits()) {
        snippets.add(h.snippet());
      }
      for (ArticleHit h : steppe.searchArticles(SearchRequest.of(q).withSources(List.of(SOURCE))).hits()) {
        snippets.add(h.snippet());
      }
    }
    assertTrue(snippets.size() > 10, "hostile articles were found: " + snippets.size());
    assertTrue(snippets.stream().anyMatch(s -> s != null && s.contains("&lt;script&gt;")), "the script tag is shown as text");
    snippets.forEach(HostileDocumentTest::assertOnlyMarkup);
  }

  @Test
  void quoteSnippetsAreEscapedWithOnlyMarkLeft() throws Exception {
    List<QuoteHit> hits = new ArrayList<>();
    for (String q : List.of("pipeline", "tariffs", "script", "", "ready", "x")) {
      hits.addAll(steppe.searchQuotes(SearchRequest.of(q).withPage(0, 100)).hits());
    }
    assertFalse(hits.isEmpty(), "the hostile articles' quotations are extracted and searchable");
    for (QuoteHit h : hits) {
      assertOnlyMarkup(h.snippet());
    }
    assertTrue(hits.stream().anyMatch(h -> h.text().contains("<")), "the quote's text stays plain text, angle brackets and all");
  }

  @Test
  void plainTextFieldsComeBackAsTheyWereWritten() throws Exception {
    ArticleHit titled = steppe.searchArticles(SearchRequest.of("steppe oil")).hits().stream()
        .filter(h -> h.id().equals("titled.txt")).findFirst().orElseThrow();
    assertEquals(TITLE, titled.title(), "plain text, not escaped twice: the page escapes it");
    assertEquals(SOURCE, titled.source());
    assertEquals(1, steppe.searchArticles(SearchRequest.of("").withSources(List.of(SOURCE))).total(), "the source filters by its exact name");
  }

  @Test
  void idsThatLookLikePathsFindNothingAndReadNoFile() throws Exception {
    for (String id : List.of("../../etc/passwd", "/etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd",
        "..\\..\\windows\\win.ini", "file:///etc/passwd", "script.txt/../../../etc/hostname", "./script.txt",
        "corpus/script.txt", corpus.resolve("script.txt").toString(), "\u0000", "", "*", "script*")) {
      if (id.equals("../../etc/passwd")) {
        // An article may have been given this id from code: then that article, from the index, not the file.
        assertTrue(steppe.article(id).orElseThrow().body().contains("A pipeline article whose id looks like a path."));
        continue;
      }
      assertTrue(steppe.article(id).isEmpty(), "no article for " + id);
    }
    assertEquals("script.txt", steppe.article("script.txt").orElseThrow().id(), "real ids still work");
  }

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  /** Every tag is a bare {@code <mark>} or {@code </mark>}; no raw quote or ampersand escapes the text. */
  private static void assertOnlyMarkup(String html) {
    if (html == null) {
      return;
    }
    var m = TAG.matcher(html);
    while (m.find()) {
      assertTrue(m.group().equals("<mark>") || m.group().equals("</mark>"), "markup " + m.group() + " in " + html);
    }
    String text = TAG.matcher(html).replaceAll("");
    assertFalse(text.contains("<") || text.contains(">") || text.contains("\""), "raw < > or \" in " + html);
    assertFalse(Pattern.compile("&(?!(lt|gt|amp|quot|#x27|#39|#x2F|#\\d+);)").matcher(text).find(), "raw & in " + html);
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
