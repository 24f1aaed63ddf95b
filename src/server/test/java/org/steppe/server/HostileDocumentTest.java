package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents with markup and formulas come back escaped in snippets and defused in CSV; ids with slashes work as routes. */
class HostileDocumentTest {
  @TempDir static Path work;
  static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    Path corpus = TestServer.corpus(work, false, HostileCorpus.FILES);
    // Links planted in the corpus towards files elsewhere on the machine: never indexed, never served.
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere/etc"));
    Files.writeString(elsewhere.resolve("passwd.txt"), "root:x:0:0:root:/root:/bin/bash\n");
    Files.writeString(elsewhere.resolve("rgb.txt"), "255 250 250 snow steppe\n");
    Files.createSymbolicLink(corpus.resolve("passwd.txt"), elsewhere.resolve("passwd.txt"));
    Files.createSymbolicLink(corpus.resolve("etc"), elsewhere);
    server = TestServer.start(corpus, work);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void markupInADocumentComesBackEscapedInSnippets() {
    JsonNode hits = server.json("/api/search?q=hostile").get("hits");
    assertEquals(1, hits.size());
    String snippet = hits.get(0).get("snippet").asText();
    assertTrue(snippet.contains("<mark>"), snippet);
    String withoutMarks = snippet.replace("<mark>", "").replace("</mark>", "");
    assertFalse(withoutMarks.contains("<"), "no raw tag besides <mark>: " + snippet);
    assertFalse(withoutMarks.contains(">"), "no raw angle bracket: " + snippet);
    assertFalse(withoutMarks.contains("\""), "quotes escaped too: " + snippet);
    assertTrue(withoutMarks.contains("&lt;img src=x onerror="), snippet);
  }

  @Test
  void titlesTravelAsPlainTextForThePageToPutInTextNodes() {
    JsonNode hit = server.json("/api/search?q=hostile").get("hits").get(0);
    assertEquals(HostileCorpus.HOSTILE_TITLE, hit.get("title").asText());
  }

  @Test
  void anIdWithSlashesDotsAndSpacesIsARoute() {
    JsonNode a = server.json("/api/articles/2015/hostile.txt");
    assertEquals(HostileCorpus.HOSTILE_ID, a.get("id").asText());
    assertTrue(a.get("body").asText().contains("<img src=x onerror="), "the article's text is the document's text");
    JsonNode spaced = server.json("/api/articles/2015/notes.v2/with%20space.txt");
    assertEquals(HostileCorpus.SPACED_ID, spaced.get("id").asText());
    assertEquals(404, server.get("/api/articles/2015/nothing.txt").statusCode());
    // The similar route is not swallowed by the id: it answers (or says it is not built yet), never "no article".
    int similar = server.get("/api/articles/2015/hostile.txt/similar").statusCode();
    assertNotEquals(404, similar);
  }

  @Test
  void filesLinkedFromOutsideTheCorpusAreNotServed() {
    assertEquals(404, server.get("/api/articles/passwd.txt").statusCode());
    assertEquals(404, server.get("/api/articles/etc/rgb.txt").statusCode());
    assertEquals(0, server.json("/api/search?q=root").get("total").asLong());
    assertEquals(0, server.json("/api/search?q=snow").get("total").asLong());
    assertEquals(3, server.json("/api/search").get("total").asLong(), "the three hostile articles and nothing else");
  }

  @Test
  void csvCellsThatASpreadsheetWouldRunAreDefused() throws IOException {
    List<List<String>> rows = ApiTest.parseCsv(server.get("/api/search?format=csv").body());
    assertEquals(4, rows.size());
    List<String> formula = rows.stream().filter(r -> r.get(0).equals("2015/formula.txt")).findFirst().orElseThrow();
    assertEquals("'" + HostileCorpus.FORMULA_TITLE, formula.get(1));
    List<String> hostile = rows.stream().filter(r -> r.get(0).equals(HostileCorpus.HOSTILE_ID)).findFirst().orElseThrow();
    assertEquals(HostileCorpus.HOSTILE_TITLE, hostile.get(1), "quotes and commas survive the CSV quoting");
  }

  @Test
  void csvCellQuotingFollowsRfc4180() {
    assertEquals("plain", CsvExport.cell("plain"));
    assertEquals("\"a, b\"", CsvExport.cell("a, b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvExport.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvExport.cell("two\nlines"));
    assertEquals("'=1+1", CsvExport.cell("=1+1"));
    assertEquals("'+1", CsvExport.cell("+1"));
    assertEquals("'-1", CsvExport.cell("-1"));
    assertEquals("'@SUM(A1)", CsvExport.cell("@SUM(A1)"));
    assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CsvExport.cell("=HYPERLINK(\"x\",\"y\")"));
    assertEquals("", CsvExport.cell(null));
  }
}
