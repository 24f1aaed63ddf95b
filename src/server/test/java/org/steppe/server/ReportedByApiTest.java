package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One quote, many outlets, over HTTP: listed once with {@code reportedBy}, or each with {@code collapse=false}. */
class ReportedByApiTest {
  static final String QUOTE = "We will never accept a treaty that limits the sovereignty of Kazakhstan over its own borders";
  @TempDir static Path work;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(TestServer.corpus(work, true, Map.of(
        "wire/a.txt", "Senate debates the treaty\n\nTengrinews\n\nAstana, 3 March 2015. Askar Musinov said: \u201c" + QUOTE
            + ".\u201d The debate went on into the night.\n",
        "paper/b.txt", "Musinov draws a line\n\nEADaily\n\nIn the Senate, Askar Musinov said: \"" + QUOTE.replace(" own", "")
            + "...\" Senators applauded.\n")), work);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void theSameQuotationInTwoArticlesIsListedOnceUnlessCollapseIsOff() {
    String q = "/api/quotes?q=" + ApiTest.enc("quote:\"never accept a treaty\"") + "&speaker=" + ApiTest.enc("Askar Musinov");
    JsonNode each = server.json(q + "&collapse=false");
    assertEquals(2, each.get("quotes").size(), each.toString());
    for (JsonNode quote : each.get("quotes")) {
      JsonNode reported = quote.get("reportedBy");
      assertEquals(1, reported.size(), quote.toString());
      String other = quote.get("article").get("id").asText().equals("wire/a.txt") ? "paper/b.txt" : "wire/a.txt";
      assertEquals(other, reported.get(0).get("articleId").asText());
      assertTrue(reported.get(0).has("title") && reported.get(0).has("source") && reported.get(0).has("date"));
    }
    JsonNode once = server.json(q);
    assertEquals(1, once.get("quotes").size(), once.toString());
    assertEquals(2, once.get("total").asLong(), "the total still counts every quote");
    assertEquals(1, once.get("quotes").get(0).get("reportedBy").size());
    assertEquals(400, server.get(q + "&collapse=maybe").statusCode());
  }
}
