package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.search.ArticleHit;
import org.steppe.search.SearchRequest;

/** The JSON API over real HTTP, on the seed corpus (five articles, five sources, two of them dated). */
class ApiTest {
  @TempDir static Path work;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(TestServer.corpus(work, true, Map.of()), work);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void searchAnswersWithEveryContractField() {
    JsonNode r = server.json("/api/search?q=kazakhstan");
    assertEquals(5, r.get("total").asLong());
    for (String field : List.of("total", "hits", "facets", "didYouMean", "nextCursor")) {
      assertTrue(r.has(field), "missing " + field + " in " + r);
    }
    JsonNode hit = r.get("hits").get(0);
    for (String field : List.of("id", "title", "source", "date", "author", "snippet", "entities")) {
      assertTrue(hit.has(field), "hit lacks " + field + ": " + hit);
    }
    assertTrue(hit.get("snippet").asText().contains("<mark>"), "snippet highlights the match: " + hit.get("snippet"));
    JsonNode entity = hit.get("entities").get(0);
    assertTrue(entity.has("name") && entity.has("type"));
    for (String facet : List.of("source", "speaker", "entity", "date", "year")) {
      assertTrue(r.get("facets").has(facet), "facets lack " + facet);
    }
  }

  @Test
  void anEmptyQueryFindsEveryArticle() {
    assertEquals(5, server.json("/api/search").get("total").asLong());
    assertEquals(5, server.json("/api/search?q=").get("total").asLong());
  }

  @Test
  void aSourceFilterNarrowsTheTotalAndRepeatingItMeansOr() {
    JsonNode one = server.json("/api/search?source=EADaily");
    assertEquals(1, one.get("total").asLong());
    assertEquals("EADaily", one.get("hits").get(0).get("source").asText());
    JsonNode two = server.json("/api/search?source=EADaily&source=Tengrinews");
    assertEquals(2, two.get("total").asLong());
    Set<String> sources = new HashSet<>();
    two.get("hits").forEach(h -> sources.add(h.get("source").asText()));
    assertEquals(Set.of("EADaily", "Tengrinews"), sources);
  }

  @Test
  void facetsCountEveryArticleAndKeepOtherChoicesWhileFiltering() {
    JsonNode facets = server.json("/api/search").get("facets");
    long sum = 0;
    for (JsonNode v : facets.get("source")) {
      sum += v.get("count").asLong();
    }
    assertEquals(5, facets.get("source").size(), facets.get("source").toString());
    assertEquals(5, sum);
    assertEquals(List.of("2015-12:1", "2017-03:1"), buckets(facets.get("date")));
    assertEquals(List.of("2015:1", "2017:1"), buckets(facets.get("year")));
    JsonNode entity = facets.get("entity").get(0);
    assertTrue(entity.has("value") && entity.has("type") && entity.has("count"), entity.toString());
    // Multi-select: with one source chosen, the source facet still offers the others.
    JsonNode filtered = server.json("/api/search?source=EADaily").get("facets");
    assertEquals(5, filtered.get("source").size());
  }

  @Test
  void filteringByAnEntityFindsAsManyArticlesAsItsFacetCounted() {
    JsonNode top = server.json("/api/search").get("facets").get("entity");
    JsonNode rare = null;
    for (JsonNode v : top) {
      if (v.get("count").asLong() < 5) {
        rare = v;
        break;
      }
    }
    assertNotNull(rare, "some entity is not in every article");
    JsonNode r = server.json("/api/search?entity=" + enc(rare.get("value").asText()));
    assertEquals(rare.get("count").asLong(), r.get("total").asLong());
  }

  @Test
  void datesFilterByDayMonthOrYear() {
    assertEquals(1, server.json("/api/search?from=2015-12-01&to=2015-12-31").get("total").asLong());
    assertEquals(1, server.json("/api/search?from=2015-12&to=2015-12").get("total").asLong());
    JsonNode later = server.json("/api/search?from=2016");
    assertEquals(1, later.get("total").asLong());
    assertEquals("2017-03-03", later.get("hits").get(0).get("date").asText());
  }

  @Test
  void newestFirstPutsTheLatestArticleOnTop() {
    JsonNode r = server.json("/api/search?sort=newest");
    assertEquals("2017-03-03", r.get("hits").get(0).get("date").asText());
    assertEquals("2015-12-02", r.get("hits").get(1).get("date").asText());
  }

  @Test
  void pagesAreOneBasedAndTheCursorContinuesWhereAPageEnded() {
    List<String> paged = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      server.json("/api/search?sort=oldest&size=2&page=" + page).get("hits").forEach(h -> paged.add(h.get("id").asText()));
    }
    assertEquals(5, paged.size());
    assertEquals(5, new HashSet<>(paged).size(), "no article on two pages: " + paged);
    JsonNode first = server.json("/api/search?sort=oldest&size=2");
    String cursor = first.get("nextCursor").asText();
    JsonNode next = server.json("/api/search?sort=oldest&size=2&cursor=" + enc(cursor));
    assertEquals(paged.subList(2, 4), List.of(next.get("hits").get(0).get("id").asText(), next.get("hits").get(1).get("id").asText()));
  }

  @Test
  void readStrictlyAMalformedQueryIsA400ThatSaysWhere() {
    JsonNode e = server.json("/api/search?strict=true&q=" + enc("(sovereignty AND"), 400);
    assertEquals("query_syntax", e.get("error").asText());
    assertTrue(e.get("message").asText().contains("position"), e.toString());
    assertTrue(e.get("position").asInt() > 0);
    assertEquals(400, server.get("/api/quotes?strict=true&q=" + enc("\"unclosed")).statusCode());
    assertMessage("/api/search?strict=maybe", "strict", "true or false");
  }

  @Test
  void whateverIsTypedAnswers200AndSaysWhatWasChanged() {
    for (String q : List.of("AC/DC", "24/7", "yen/dollar", "Kazakhstan/Russia", "Putin!", "foreign policy:", "\"foreign policy",
        "Nazarbayev AND", "*", "what?", "\uD83D\uDE00", "\"", "-", "+", "&&", "||", "!", "x".repeat(500), "(sovereignty AND",
        "title:", "fingerprint:abc", "*stan", "a~9", "[a TO", "/[/", "\\", "sovereignty)", "((((", "NOT")) {
      for (String route : List.of("/api/search", "/api/quotes")) {
        HttpResponse<String> r = server.get(route + "?q=" + enc(q));
        assertEquals(200, r.statusCode(), route + " " + q + ": " + r.body());
      }
    }
    JsonNode r = server.json("/api/search?q=" + enc("\"foreign policy"));
    assertEquals("the quote at position 1 is not closed: its words were searched as words", r.get("notice").asText());
    assertTrue(r.get("total").asInt() > 0);
    assertTrue(server.json("/api/search?q=sovereignty").get("notice").isNull(), "read as written: no notice");
  }

  @Test
  void anEmptyQueryListsTheNewestFirstUnlessASortIsGiven() {
    JsonNode r = server.json("/api/search");
    assertEquals("2017-03-03", r.get("hits").get(0).get("date").asText());
    assertEquals("2015-12-02", r.get("hits").get(1).get("date").asText());
    assertEquals("2015-12-02", server.json("/api/search?sort=oldest").get("hits").get(0).get("date").asText());
  }

  @Test
  void badParametersAre400sThatNameTheProblemAndTheLimit() {
    assertMessage("/api/search?size=101", "size", "100");
    assertMessage("/api/search?from=2015-13-45", "from", "YYYY-MM-DD");
    assertMessage("/api/search?to=yesterday", "to", "YYYY-MM-DD");
    assertMessage("/api/search?from=2017-01-01&to=2015-01-01", "empty");
    assertMessage("/api/search?sort=sideways", "sort", "relevance");
    assertMessage("/api/search?page=-1", "page");
    assertMessage("/api/search?page=0", "page");
    assertMessage("/api/search?page=two", "page", "whole number");
    assertMessage("/api/search?page=200&size=100", "cursor");
    assertMessage("/api/search?q=" + "a".repeat(2001), "2001", "2000");
    assertMessage("/api/search?type=animal", "type", "person");
    assertMessage("/api/search?format=xml", "format", "csv");
    assertMessage("/api/search?cursor=not-a-cursor", "cursor");
    assertMessage("/api/quotes?size=500", "size", "100");
  }

  private static void assertMessage(String path, String... words) {
    JsonNode e = server.json(path, 400);
    assertEquals("bad_parameter", e.get("error").asText(), e.toString());
    for (String w : words) {
      assertTrue(e.get("message").asText().contains(w), path + ": message should mention '" + w + "': " + e);
    }
  }

  @Test
  void anUnknownArticleOrRouteIsA404InJson() {
    JsonNode e = server.json("/api/articles/no-such-article.txt", 404);
    assertEquals("not_found", e.get("error").asText());
    assertTrue(e.get("message").asText().contains("no-such-article.txt"));
    assertEquals("not_found", server.json("/api/no/such/route", 404).get("error").asText());
    assertEquals(404, server.get("/api/articles/no-such-article.txt/similar").statusCode());
  }

  @Test
  void anArticleComesWithItsTextAndOffsetsThatPointIntoIt() {
    JsonNode a = server.json("/api/articles/003_049d21399e94aeb1.txt");
    assertEquals("Russia –Kazakhstan: Limits of alliance", a.get("title").asText());
    assertEquals("EADaily", a.get("source").asText());
    String body = a.get("body").asText();
    assertTrue(a.get("entities").size() > 0);
    for (JsonNode entity : a.get("entities")) {
      for (JsonNode m : entity.get("mentions")) {
        assertEquals(m.get("text").asText(), body.substring(m.get("start").asInt(), m.get("end").asInt()), entity.toString());
      }
    }
    assertTrue(a.get("quotes").isArray());
  }

  @Test
  void quotesAnswerWithTheirContractFields() {
    JsonNode r = server.json("/api/quotes");
    for (String field : List.of("total", "quotes", "facets", "didYouMean", "nextCursor")) {
      assertTrue(r.has(field), "missing " + field);
    }
    for (JsonNode q : r.get("quotes")) {
      for (String field : List.of("text", "kind", "speaker", "role", "context", "snippet", "article")) {
        assertTrue(q.has(field), "quote lacks " + field + ": " + q);
      }
      for (String field : List.of("id", "title", "source", "date")) {
        assertTrue(q.get("article").has(field), "quote's article lacks " + field);
      }
    }
    assertEquals(r.get("quotes").size(), Math.min(10, r.get("total").asInt()));
  }

  @Test
  void theCsvExportHasAHeaderAndEveryMatchingRow() throws IOException {
    HttpResponse<String> r = server.get("/api/search?format=csv&size=1");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals("attachment; filename=\"steppe-articles.csv\"", r.headers().firstValue("Content-Disposition").orElse(""));
    List<List<String>> rows = parseCsv(r.body());
    assertEquals(List.of("id", "title", "source", "date", "author", "url", "entities"), rows.get(0));
    assertEquals(6, rows.size(), "header and all five articles, whatever size says");
    Set<String> ids = new HashSet<>();
    rows.subList(1, rows.size()).forEach(row -> ids.add(row.get(0)));
    assertEquals(5, ids.size());
    // A comma-holding title survives the round trip through quoting.
    assertTrue(rows.stream().anyMatch(row -> row.get(1).equals("Kazakhstan’s Foreign Policy: One for All, or All for One?")));
    List<List<String>> filtered = parseCsv(server.get("/api/search?format=csv&source=EADaily&source=Tengrinews").body());
    assertEquals(3, filtered.size());
  }

  @Test
  void theJsonExportIsAnArrayOfEveryRow() throws IOException {
    HttpResponse<String> r = server.get("/api/search?format=json&q=kazakhstan");
    assertEquals(200, r.statusCode());
    assertEquals("attachment; filename=\"steppe-articles.json\"", r.headers().firstValue("Content-Disposition").orElse(""));
    JsonNode rows = TestServer.JSON.readTree(r.body());
    assertEquals(5, rows.size());
    assertTrue(rows.get(0).has("entities"));
    HttpResponse<String> quotes = server.get("/api/quotes?format=csv");
    assertEquals(200, quotes.statusCode());
    assertEquals("id,text,kind,speaker,role,context,article_id,article_title,source,date", quotes.body().lines().findFirst().orElse(""));
  }

  @Test
  void theExportFollowsTheCursorAcrossPages() throws IOException {
    SearchService smallPages = new SearchService(server.steppe, 2);
    List<String> ids = new ArrayList<>();
    smallPages.eachArticle(SearchRequest.of(null), new SearchService.Rows<ArticleHit>() {
      @Override
      public void start() {}

      @Override
      public void row(ArticleHit hit) {
        ids.add(hit.id());
      }
    });
    assertEquals(5, ids.size());
    assertEquals(5, new HashSet<>(ids).size(), ids.toString());
  }

  @Test
  void suggestionsCompleteNamesWithTheirKind() {
    HttpResponse<String> r = server.get("/api/suggest?q=Naz");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode first = server.json("/api/suggest?q=Naz").get("suggestions").get(0);
    assertEquals("Nursultan Nazarbayev", first.get("text").asText());
    assertEquals("person", first.get("kind").asText());
    assertEquals(0, server.json("/api/suggest?q=").get("suggestions").size());
    assertEquals(400, server.get("/api/suggest?q=Naz&limit=500").statusCode());
  }

  @Test
  void similarArticlesLeaveOutTheArticleItself() {
    HttpResponse<String> r = server.get("/api/articles/003_049d21399e94aeb1.txt/similar");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode hits = server.json("/api/articles/003_049d21399e94aeb1.txt/similar").get("hits");
    hits.forEach(h -> assertFalse(h.get("id").asText().equals("003_049d21399e94aeb1.txt"), "an article is not similar to itself"));
  }

  @Test
  void thePageAndApiAreServedWithAContentSecurityPolicy() {
    HttpResponse<String> page = server.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<script type=\"module\" src=\"/js/app.js\">"));
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
    assertTrue(server.get("/api/search").headers().firstValue("Content-Security-Policy").isPresent());
    HttpResponse<String> js = server.get("/js/app.js");
    assertEquals(200, js.statusCode());
    assertTrue(js.headers().firstValue("Content-Type").orElse("").contains("javascript"));
  }

  @Test
  void quotesAboutAnEntityAnswerTheSameUnderEverySpellingAndCombineWithFilters() {
    JsonNode canonical = server.json("/api/quotes?size=100&about=" + enc("Nursultan Nazarbayev"));
    assertTrue(canonical.get("total").asLong() > 0, canonical.toString());
    for (String spelling : List.of("Nazarbaev", "nazarbayev", "President Nazarbayev")) {
      JsonNode r = server.json("/api/quotes?size=100&about=" + enc(spelling));
      assertEquals(canonical.get("quotes"), r.get("quotes"), spelling);
    }
    for (JsonNode q : canonical.get("quotes")) {
      assertTrue(q.get("text").asText().contains("Nazarba"), "the quote's own words name him: " + q.get("text"));
    }
    String source = canonical.get("quotes").get(0).get("article").get("source").asText();
    JsonNode filtered = server.json("/api/quotes?about=Nazarbaev&source=" + enc(source));
    assertTrue(filtered.get("total").asLong() >= 1 && filtered.get("total").asLong() <= canonical.get("total").asLong());
    JsonNode and = server.json("/api/quotes?about=Nazarbaev&about=" + enc("Nobody Known"));
    assertEquals(0, and.get("total").asLong(), "repeated about: every name must match");
  }

  @Test
  void theOpenApiDescriptionListsTheRoutes() {
    JsonNode doc = server.json("/api/openapi.json");
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    for (String path : List.of("/api/search", "/api/quotes", "/api/search.atom", "/api/quotes.atom", "/api/batch", "/api/speakers/{name}", "/api/articles/{id}",
        "/api/articles/{id}/similar", "/api/suggest")) {
      assertTrue(doc.get("paths").has(path), path);
    }
  }

  static List<List<String>> parseCsv(String csv) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  private static List<String> buckets(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.get("value").asText() + ":" + v.get("count").asLong()));
    return out;
  }
}
