package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newsroom's mistake in {@code index-config/} stops {@code steppe index} before it touches the
 * index, with exit code {@link Errors#CONFIG} and a message naming the file and the line; a file
 * left out falls back to the built-in default.
 */
class BadConfigTest {
  @TempDir Path config;
  @TempDir Path index;

  private record Run(int code, String out, String err) {}

  private Run index() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("index", "--corpus", "corpus", "--index", index.toString(), "--config", config.toString());
    return new Run(code, out.toString(), err.toString());
  }

  /** Writes {@code file}, runs {@code index}, and checks it stopped at {@code file}:{@code line}. */
  private String stopsAt(String file, String text, int line) throws Exception {
    Files.writeString(config.resolve(file), text);
    Run r = index();
    assertEquals(Errors.CONFIG, r.code(), r.err() + r.out());
    String where = config.resolve(file) + ":" + line + ":";
    assertTrue(r.err().contains(where), "names " + where + " in: " + r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    assertFalse(Files.exists(index.resolve("write.lock")), "the index was not opened: " + r.err());
    return r.err();
  }

  @Test
  void brokenYamlInBoilerplate() throws Exception {
    // The quote opened on line 3 never closes: the scanner names where it opened.
    stopsAt("boilerplate.yaml", "chrome:\n  - '^Share$'\n  - ['unclosed\nmetadata-lines: []\n", 3);
  }

  @Test
  void badRegexInBoilerplate() throws Exception {
    String err = stopsAt("boilerplate.yaml", "# tickers\nchrome:\n  - '^Share$'\n  - '^(USD|EUR'\n", 4);
    assertTrue(err.contains("Unclosed group"), err);
  }

  @Test
  void badRegexInMetadata() throws Exception {
    stopsAt("metadata.yaml", "dates:\n  - '(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})'\nauthors:\n  - '^By (?<author>[A-Z'\n", 4);
  }

  @Test
  void metadataPatternWithoutItsNamedGroup() throws Exception {
    String err = stopsAt("metadata.yaml", "dates:\n  - '(?<year>\\d{4})'\n", 2);
    assertTrue(err.contains("(?<month>"), err);
  }

  @Test
  void sourceWithoutAName() throws Exception {
    String err = stopsAt("sources.yaml", "sources:\n  - name: Tengrinews\n    match: ['Tengrinews']\n  - match: ['x']\n", 4);
    assertTrue(err.contains("needs a name"), err);
  }

  @Test
  void badRegexInSources() throws Exception {
    stopsAt("sources.yaml", "sources:\n  - name: Tengrinews\n    match: ['*Tengrinews']\n", 3);
  }

  @Test
  void unknownKeyInGazetteer() throws Exception {
    String err = stopsAt("gazetteer.yaml", "entities:\n  - {name: Karim Masimov, type: person}\n  - {name: Astana, type: place, alias: [Nur-Sultan]}\n", 3);
    assertTrue(err.contains("alias"), err);
  }

  @Test
  void wrongShapeInPersonRules() throws Exception {
    stopsAt("person-rules.yaml", "titles: [President, Minister]\nroles:\n  head: director\n", 3);
  }

  @Test
  void unknownAnalysisFilter() throws Exception {
    String err = stopsAt("analysis.yaml", "# chains\nindex:\n  tokenizer: standard\n  filters: [lowercase, porterStemmer]\n", 4);
    assertTrue(err.contains("unknown token filter 'porterStemmer'"), err);
  }

  @Test
  void missingSynonymsFileNamedByAnalysis() throws Exception {
    String err = stopsAt("analysis.yaml", "index:\n  tokenizer: standard\n  filters: [lowercase]\nquery:\n  tokenizer: standard\n"
        + "  filters:\n    - lowercase\n    - name: synonymGraph\n      synonyms: newsroom-synonyms.txt\n", 9);
    assertTrue(err.contains("newsroom-synonyms.txt"), err);
  }

  @Test
  void invalidSynonymRule() throws Exception {
    Files.writeString(config.resolve("synonyms.txt"), "# variants\nkazak, kazakh\ndefence => \n");
    Run r = index();
    assertEquals(Errors.CONFIG, r.code(), r.err());
    assertTrue(r.err().contains(config.resolve("synonyms.txt") + ":3:"), r.err());
  }

  @Test
  void anEmptyConfigurationFolderFallsBackToEveryBuiltInDefault() throws Exception {
    Run r = index();
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Indexed 5 articles"), r.out());
    try (var steppe = org.steppe.search.Steppe.open(index, org.steppe.search.SteppeConfig.fromFolder(config))) {
      assertEquals(3, steppe.searchArticles(org.steppe.search.SearchRequest.of("Nazarbaev")).total(),
          "the built-in gazetteer and analysis join the spellings");
    }
  }
}
