package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.cli.CommandLineTest.Run;

/** The journalist's commands on the seed corpus: quotes about someone, batch search. */
class JournalistCommandsTest {
  @TempDir static Path work;
  static String index;

  private static Run run(String... args) {
    return CommandLineTest.run(args);
  }

  @BeforeAll
  static void indexTheSeeds() {
    index = work.resolve("index").toString();
    assertEquals(0, run("index", "--corpus", "corpus", "--index", index, "--config", "index-config").code());
  }

  @Test
  void quotesAboutSomeoneAreTheSameUnderEverySpelling() {
    Run canonical = run("quotes", "--about", "Nursultan Nazarbayev", "--index", index, "--config", "index-config");
    assertEquals(0, canonical.code(), canonical.err());
    assertTrue(canonical.out().matches("(?s)[1-9]\\d* quotes.*"), canonical.out());
    assertTrue(canonical.out().contains("Nazarba"), "the quote names him: " + canonical.out());
    Run alias = run("quotes", "--about", "Nazarbaev", "--index", index, "--config", "index-config");
    assertEquals(canonical.out(), alias.out());
    Run nobody = run("quotes", "--about", "Nobody Known", "--index", index, "--config", "index-config");
    assertTrue(nobody.out().startsWith("0 quotes"), nobody.out());
  }

  @Test
  void batchWritesOneRowPerQueryAndReportsBadLines() throws Exception {
    Path queries = work.resolve("queries.txt");
    Files.writeString(queries, "# names to check\nNazarbaev\n\n" + "x".repeat(2001) + "\nsovereignty\n(unclosed\n");
    Path csv = work.resolve("results.csv");
    Run r = run("batch", queries.toString(), "--out", csv.toString(), "--index", index, "--config", "index-config");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("queries.txt:4:"), "the bad line is named: " + r.err());
    assertTrue(r.err().contains("queries.txt:6: searched leniently"), "a malformed query is searched as words: " + r.err());
    assertTrue(r.err().contains("4 queries (1 could not be run)"), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(5, lines.size(), lines.toString());
    assertTrue(lines.get(0).startsWith("line,query,articles,quotes,top_sources,first_date,last_date"), lines.get(0));
    assertTrue(lines.get(1).startsWith("2,Nazarbaev,"), lines.get(1));
    Path json = work.resolve("results.json");
    assertEquals(0, run("batch", queries.toString(), "--out", json.toString(), "--index", index, "--config", "index-config").code());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    assertEquals(4, tree.get("results").size());
    assertEquals(5, tree.get("results").get(2).get("line").asInt());
  }
}
