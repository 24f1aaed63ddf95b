package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/speakers/{name}} on the seed corpus, checked against the quotes the API lists. */
class SpeakerPageTest {
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
