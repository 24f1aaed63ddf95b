package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journalist's JSON routes on the seed corpus: {@code POST /api/batch} (a list of queries in, one
 * summary per query out) and {@code GET /api/speakers/{name}}, checked against the search routes.
 */
class JournalistApiTest {
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

  static JsonNode batch(String body, int status) throws IOException {
    HttpResponse<String> r = server.post("/api/batch", body);
    assertEquals(status, r.statusCode(), r.body());
    return TestServer.JSON.readTree(r.body());
  }

  @Test
  void eachQueryGetsTheSameCountsSourcesDatesAndHitsAsItsOwnSearch() throws IOException {
    JsonNode results = batch("{\"queries\": [\"Nazarbaev\", \"sovereignty AND treaty\", \"nothingmatchesthis\", \"\"]}", 200)
        .get("results");
    assertEquals(4, results.size());
    List<String> queries = List.of("Nazarbaev", "sovereignty AND treaty", "nothingmatchesthis", "");
    for (int i = 0; i < queries.size(); i++) {
      JsonNode row = results.get(i);
      String q = ApiTest.enc(queries.get(i));
      JsonNode articles = server.json("/api/search?size=3&q=" + q);
      assertEquals(i + 1, row.get("line").asInt());
      assertEquals(queries.get(i), row.get("query").asText());
      assertEquals(articles.get("total").asLong(), row.get("articles").asLong(), queries.get(i));
      assertEquals(server.json("/api/quotes?size=0&q=" + q).get("total").asLong(), row.get("quotes").asLong());
      List<String> ids = new ArrayList<>();
      articles.get("hits").forEach(h -> ids.add(h.get("id").asText()));
      List<String> top = new ArrayList<>();
      row.get("top").forEach(h -> top.add(h.get("id").asText()));
      assertEquals(ids, top);
      JsonNode sources = articles.get("facets").get("source");
      assertEquals(Math.min(3, sources.size()), row.get("topSources").size());
      if (sources.size() > 0) {
        assertEquals(sources.get(0), row.get("topSources").get(0));
      }
      JsonNode oldest = server.json("/api/search?size=1&sort=oldest&q=" + q).get("hits");
      JsonNode newest = server.json("/api/search?size=1&sort=newest&q=" + q).get("hits");
      assertEquals(oldest.isEmpty() ? null : oldest.get(0).get("date").asText(null), row.get("firstDate").asText(null));
      assertEquals(newest.isEmpty() ? null : newest.get(0).get("date").asText(null), row.get("lastDate").asText(null));
      assertTrue(row.get("error").isNull());
    }
    assertTrue(results.get(0).get("articles").asLong() > 0 && results.get(0).get("quotes").asLong() > 0);
    assertTrue(!results.get(0).get("lastDate").isNull(), "two seeds are dated");
    assertEquals(0, results.get(2).get("articles").asLong());
  }

  @Test
  void badQueriesAreReportedInTheirRowAndTheOthersStillRun() throws IOException {
    JsonNode results = batch("{\"queries\": [\"" + "x".repeat(2001) + "\", 42, \"Nazarbaev\", \"(unclosed\"]}", 200)
        .get("results");
    assertTrue(results.get(0).get("error").asText().contains("2000"), results.get(0).toString());
    assertTrue(results.get(1).get("error").asText().contains("not a query"), results.get(1).toString());
    assertTrue(results.get(2).get("error").isNull());
    assertTrue(results.get(2).get("articles").asLong() > 0);
    assertTrue(results.get(3).get("error").isNull(), "a malformed query is searched leniently, as in the search box");
    assertTrue(results.get(3).get("notice").asText().contains("parenthesis"), results.get(3).toString());
  }

  @Test
  void csvHasAHeaderAndOneRowPerQuery() throws IOException {
    HttpResponse<String> r = server.post("/api/batch?format=csv", "{\"queries\": [\"Nazarbaev\", \"=cmd\", \"(bad\", 7]}");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<List<String>> rows = ApiTest.parseCsv(r.body());
    assertEquals(BatchOutput.CSV_COLUMNS, rows.get(0));
    assertEquals(5, rows.size());
    assertEquals("Nazarbaev", rows.get(1).get(1));
    assertEquals("'=cmd", rows.get(2).get(1), "a formula is defused");
    assertTrue(!rows.get(3).get(13).isEmpty(), "the malformed query's notice: " + rows.get(3));
    assertTrue(!rows.get(4).get(14).isEmpty(), "the entry that is no query: its error: " + rows.get(4));
  }

  @Test
  void aMalformedOrOversizedBatchIsRefusedWithAMessage() throws IOException {
    assertEquals("bad_parameter", batch("not json", 400).get("error").asText());
    assertEquals("bad_parameter", batch("{\"q\": []}", 400).get("error").asText());
    assertEquals("bad_parameter", batch("", 400).get("error").asText());
    StringBuilder many = new StringBuilder("{\"queries\": [");
    for (int i = 0; i < 1001; i++) {
      many.append(i == 0 ? "" : ",").append("\"q").append(i).append('"');
    }
    JsonNode refused = batch(many.append("]}").toString(), 400);
    assertTrue(refused.get("message").asText().contains("1000"), refused.toString());
    assertEquals(400, server.post("/api/batch?format=xml", "{\"queries\": []}").statusCode());
  }

  @Test
  void aSpeakersPageSummarisesTheirQuotesUnderEverySpelling() {
    JsonNode page = server.json("/api/speakers/" + ApiTest.enc("Askar Musinov").replace("+", "%20"));
    assertEquals("Askar Musinov", page.get("name").asText());
    JsonNode quotes = server.json("/api/quotes?size=100&speaker=" + ApiTest.enc("Askar Musinov"));
    assertTrue(quotes.get("total").asLong() > 0);
    assertEquals(quotes.get("total").asLong(), page.get("quotes").asLong());
    assertEquals(quotes.get("facets").get("source"), page.get("sources"));
    Set<String> dates = new HashSet<>();
    quotes.get("quotes").forEach(q -> dates.add(q.get("article").get("date").asText(null)));
    assertTrue(dates.contains(page.get("lastDate").asText(null)), page.toString());
    assertFalse(page.get("spellings").isEmpty(), "the seeds name him: " + page);
    for (JsonNode s : page.get("spellings")) {
      assertTrue(Character.isUpperCase(s.get("value").asText().charAt(0)), "a name, not a pronoun: " + s);
    }
    assertFalse(page.get("roles").isEmpty(), "the seeds give his role: " + page);
    JsonNode role = page.get("roles").get(0);
    assertTrue(role.has("role") && role.has("quotes") && role.has("first") && role.has("last"), role.toString());
    for (JsonNode topic : page.get("about")) {
      assertFalse(topic.get("value").asText().equals("Askar Musinov"), "what he talks about, not himself");
    }
    for (String spelling : List.of("Musinov", "musin", "Askar Musin")) {
      assertEquals(page, server.json("/api/speakers/" + ApiTest.enc(spelling).replace("+", "%20")), spelling);
    }
  }

  @Test
  void whatASpeakerTalksAboutComesFromTheirQuotesWords() {
    JsonNode quotes = server.json("/api/quotes?size=100&speaker=" + ApiTest.enc("Nursultan Nazarbayev"));
    JsonNode page = server.json("/api/speakers/Nazarbaev");
    assertEquals("Nursultan Nazarbayev", page.get("name").asText());
    assertEquals(quotes.get("total").asLong(), page.get("quotes").asLong());
    for (JsonNode topic : page.get("about")) {
      String about = server.json("/api/quotes?size=0&speaker=" + ApiTest.enc("Nursultan Nazarbayev") + "&about="
          + ApiTest.enc(topic.get("value").asText())).get("total").asText();
      assertEquals(topic.get("count").asText(), about, "quotes of his about " + topic.get("value"));
    }
  }

  @Test
  void anUnknownSpeakerIsNotFound() {
    assertEquals("not_found", server.json("/api/speakers/Nobody%20Known", 404).get("error").asText());
    assertEquals(404, server.get("/api/speakers/%22%5C").statusCode());
  }
}
