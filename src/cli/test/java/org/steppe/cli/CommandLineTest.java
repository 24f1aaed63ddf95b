package org.steppe.cli;

import org.steppe.SeedCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as scripts use them: exit codes, output contracts. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path index;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void extractPrintsOneJsonObjectPerArticleWithOffsetsIntoTheFileText() throws Exception {
    Path file = Path.of("corpus/001_70616fac980b1ee6.txt");
    Run r = run("extract", file.toString(), "--config", "index-config");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size());
    JsonNode a = JSON.readTree(lines.get(0));
    for (String field : List.of("id", "file", "title", "source", "date", "author", "url", "entities", "quotes")) {
      assertTrue(a.has(field), "extract output has " + field);
    }
    assertEquals("001_70616fac980b1ee6.txt", a.get("id").asText());
    assertTrue(a.get("date").isNull(), "undated stays null");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int mentions = 0;
    for (JsonNode entity : a.get("entities")) {
      assertNotNull(entity.get("name").asText());
      assertTrue(List.of("person", "organization", "place", "misc").contains(entity.get("type").asText()));
      for (JsonNode m : entity.get("mentions")) {
        assertEquals(m.get("text").asText(), text.substring(m.get("start").asInt(), m.get("end").asInt()));
        mentions++;
      }
    }
    assertTrue(mentions > 40, "001 names many entities: " + mentions);
    assertTrue(a.get("quotes").size() >= 5, "001 quotes Ageleuov, Akulbekov, Karajanov, Nazarbayev: " + a.get("quotes"));
    for (JsonNode q : a.get("quotes")) {
      // start/end enclose the quoted words; an interrupted quotation's text is its parts joined.
      String span = text.substring(q.get("start").asInt(), q.get("end").asInt());
      int from = 0;
      for (String word : q.get("text").asText().split("\\s+")) {
        int at = span.indexOf(word, from);
        assertTrue(at >= 0, "'" + word + "' of " + q + " lies in its span, in order");
        from = at + word.length();
      }
    }
  }

  @Test
  void indexThenSearchAsJsonLines() throws Exception {
    Run indexed = run("index", "--corpus", "corpus", "--index", index.toString(), "--config", "index-config");
    assertEquals(0, indexed.code(), indexed.err());
    assertTrue(indexed.out().contains("Indexed 5 articles"), indexed.out());

    Run search = run("search", "Nazarbaev", "--json", "--index", index.toString(), "--config", "index-config");
    assertEquals(0, search.code(), search.err());
    List<String> lines = search.out().lines().toList();
    assertEquals(3, lines.size(), "three seeds mention Nazarbayev: " + search.out());
    for (String line : lines) {
      JsonNode hit = JSON.readTree(line);
      assertEquals(List.of("id", "title", "source", "date", "score"), iterable(hit));
    }
  }

  @Test
  void readStrictlyAMalformedQueryIsAUsageErrorWithAPosition() {
    run("index", "--corpus", "corpus", "--index", index.toString(), "--config", "index-config");
    Run r = run("search", "(Astana AND", "--strict", "--index", index.toString(), "--config", "index-config");
    assertEquals(Errors.USAGE, r.code());
    assertTrue(r.err().contains("position"), r.err());
    assertTrue(!r.err().contains("Exception"), "no stack trace for the user: " + r.err());
    Run quotes = run("quotes", "\"unclosed", "--strict", "--index", index.toString(), "--config", "index-config");
    assertEquals(Errors.USAGE, quotes.code());
    // Read leniently (the default), the same query is searched as words, with a note saying so.
    Run lenient = run("search", "(Astana AND", "--index", index.toString(), "--config", "index-config");
    assertEquals(0, lenient.code(), lenient.err());
    assertTrue(lenient.out().contains("Note: ") && lenient.out().contains("not closed"), lenient.out());
  }

  @Test
  void searchingAMissingIndexSaysWhatToDo() {
    Run r = run("search", "x", "--index", index.resolve("nothing").toString());
    assertEquals(Errors.IO, r.code());
    assertTrue(r.err().contains("steppe index"), r.err());
  }

  @Test
  void secondWriterFailsAtOnceWithAClearMessage() throws Exception {
    try (var first = org.steppe.search.Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      Run r = run("index", "--corpus", "corpus", "--index", index.toString(), "--config", "index-config");
      assertEquals(Errors.LOCKED, r.code());
      assertTrue(r.err().contains("being written by another"), r.err());
    }
  }

  @Test
  void userErrorsAreAMessageAndAnExitCodeNeverAStackTrace() throws Exception {
    Path corpus = Files.createDirectories(index.resolveSibling(index.getFileName() + "-crowded"));
    for (var f : org.steppe.CrowdedCorpus.files().entrySet()) {
      Files.createDirectories(corpus.resolve(f.getKey()).getParent());
      Files.writeString(corpus.resolve(f.getKey()), f.getValue());
    }
    assertEquals(0, run("index", "--corpus", corpus.toString(), "--index", index.toString(), "--config", "index-config").code());
    String idx = index.toString();
    String[][] usage = {
        // Twelve fuzzy terms with a filter: a stack trace and exit 1 once.
        {"search", org.steppe.CrowdedCorpus.fuzzyQuery(), "--source", "Reuters", "--index", idx},
        {"quotes", org.steppe.CrowdedCorpus.fuzzyQuery(), "--index", idx},
        {"search", "(((", "--strict", "--index", idx}, {"search", "a", "-n", "-1", "--index", idx},
        {"search", "a", "--sort", "sideways", "--index", idx}, {"search", "x".repeat(3000), "--index", idx},
        {"quotes", "a", "-n", "1000", "--index", idx}, {"index", "--removal-limit", "150", "--index", idx},
        {"serve", "--port", "99999"}, {"search"}, {"no-such-command"}};
    for (String[] args : usage) {
      assertErrorWithoutStackTrace(args, Errors.USAGE);
    }
    String[][] files = {{"search", "a", "--index", "/etc/passwd"}, {"index", "--corpus", "/etc/passwd", "--index", idx},
        {"index", "--corpus", "corpus", "--index", "/etc/passwd"}, {"eval-quotes", "/no/such/folder"}};
    for (String[] args : files) {
      assertErrorWithoutStackTrace(args, Errors.IO);
    }
  }

  private static void assertErrorWithoutStackTrace(String[] args, int code) {
    Run r = run(args);
    String what = String.join(" ", args).substring(0, Math.min(80, String.join(" ", args).length()));
    assertEquals(code, r.code(), what + ": " + r.err());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), what + ": a stack trace: " + r.err());
    assertFalse(r.err().strip().isEmpty(), what + ": says nothing");
    assertFalse(r.err().strip().endsWith("/etc/passwd"), what + ": names a file but not the problem: " + r.err());
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
