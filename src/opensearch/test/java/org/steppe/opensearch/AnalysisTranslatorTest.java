package org.steppe.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.config.ConfigDir;
import org.steppe.config.ConfigException;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.AcronymPattern;
import org.steppe.index.Analysis;
import org.steppe.index.AnalyzedWords;
import org.steppe.index.SynonymRuleAnalyzer;

/** The OpenSearch index is analysed as the embedded one is, or Steppe says why it cannot be. */
class AnalysisTranslatorTest {
  static final ConfigDir BUILT_IN = ConfigDir.builtIn();
  static final Gazetteer GAZETTEER = Gazetteer.load(BUILT_IN);

  @TempDir Path dir;

  @Test
  void theBuiltInChainsBecomeTwoCustomAnalyzersWithTheSameFilters() {
    OpenSearchAnalysis a = AnalysisTranslator.translate(BUILT_IN, GAZETTEER);
    JsonNode index = a.analysis().path("analyzer").path(AnalysisTranslator.INDEX_ANALYZER);
    assertEquals("standard", a.analysis().path("tokenizer").path(index.path("tokenizer").asText()).path("type").asText());
    assertEquals(List.of("stemmer/possessive_english", "lowercase", "asciifolding", "porter_stem"), filterTypes(a, index));
    JsonNode query = a.analysis().path("analyzer").path(AnalysisTranslator.QUERY_ANALYZER);
    assertEquals(List.of("stemmer/possessive_english", "lowercase", "asciifolding", "synonym_graph", "porter_stem"),
        filterTypes(a, query));
    assertEquals(1.2f, a.k1());
    assertEquals(0.4f, a.b());
    // Acronyms are marked before tokenizing, in both chains, by OpenSearch's pattern_replace.
    for (JsonNode analyzer : List.of(index, query)) {
      assertEquals(1, analyzer.path("char_filter").size());
      JsonNode marks = a.analysis().path("char_filter").path(analyzer.path("char_filter").path(0).asText());
      assertEquals("pattern_replace", marks.path("type").asText());
      assertEquals(AcronymPattern.REPLACEMENT, marks.path("replacement").asText());
    }
  }

  @Test
  void theAcronymMarksOpenSearchIsGivenAreMadeFromTheStopWordsAndMarkWhatTheEmbeddedIndexMarks() throws IOException {
    Files.writeString(dir.resolve("stops.txt"), "# a short list\nus\nis\nthe\n");
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          charFilters: [{name: markAcronyms, words: stops.txt}]
          tokenizer: standard
          filters: [lowercase]
        """);
    OpenSearchAnalysis a = AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER);
    JsonNode index = a.analysis().path("analyzer").path(AnalysisTranslator.INDEX_ANALYZER);
    JsonNode marks = a.analysis().path("char_filter").path(index.path("char_filter").path(0).asText());
    // The pattern OpenSearch gets, applied as its pattern_replace applies it, marks what the embedded chain marks.
    Pattern p = Pattern.compile(marks.path("pattern").asText());
    String text = "The US said it is ready.\nUS TROOPS IS NOT THE WORD\nWHO is it?";
    String marked = p.matcher(text).replaceAll(marks.path("replacement").asText());
    assertEquals("The _US said it is ready.\nUS TROOPS IS NOT THE WORD\nWHO is it?", marked);
    Analysis embedded = Analysis.load(ConfigDir.of(dir), GAZETTEER);
    assertEquals(List.of("the", "_us", "said", "it", "is", "ready", "us", "troops", "is", "not", "the", "word", "who", "is", "it"),
        AnalyzedWords.of(embedded.indexAnalyzer(), "body", text));
  }

  @Test
  void characterFiltersWithoutAnExactCounterpartAreRefusedByName() throws IOException {
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          charFilters: [{name: patternReplace, pattern: "(\\\\d),(\\\\d)", replacement: "$1$2"}, {name: htmlStrip, escapedTags: "b, i"}]
          tokenizer: standard
          filters: [lowercase]
        """);
    OpenSearchAnalysis a = AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER);
    JsonNode charFilters = a.analysis().path("analyzer").path(AnalysisTranslator.INDEX_ANALYZER).path("char_filter");
    JsonNode digits = a.analysis().path("char_filter").path(charFilters.path(0).asText());
    assertEquals("(\\d),(\\d)", digits.path("pattern").asText());
    assertEquals("$1$2", digits.path("replacement").asText());
    JsonNode html = a.analysis().path("char_filter").path(charFilters.path(1).asText());
    assertEquals("html_strip", html.path("type").asText());
    assertEquals(new TreeSet<>(Set.of("b", "i")), texts(html.path("escaped_tags")));
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          charFilters: [persian]
          tokenizer: standard
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER));
    assertTrue(e.getMessage().contains("index chain's character filter 'persian' cannot be used with OpenSearch"), e.getMessage());
  }

  @Test
  void synonymRulesAreReadWithTheCharacterFiltersAsOpenSearchReadsThem() throws IOException {
    // OpenSearch reads "IS" in a rule through the acronym marks ("_is"); Lucene without an analyzer reads "is".
    Files.writeString(dir.resolve("names.txt"), "Islamic State, IS\n");
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          charFilters: [{name: markAcronyms, words: stopwords.txt}]
          tokenizer: standard
          filters: [lowercase]
        query:
          charFilters: [{name: markAcronyms, words: stopwords.txt}]
          tokenizer: standard
          filters: [lowercase, {name: synonymGraph, synonyms: names.txt, ignoreCase: true}]
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER));
    assertTrue(e.getMessage().contains("[is]") && e.getMessage().contains("[_is]"), e.getMessage());
    // Steppe's rule analyzer marks acronyms as the chain does, so the rule reads alike on both.
    Files.writeString(dir.resolve("analysis.yaml"), Files.readString(dir.resolve("analysis.yaml"))
        .replace("ignoreCase: true}", "ignoreCase: true, analyzer: " + SynonymRuleAnalyzer.class.getName() + "}"));
    assertEquals("Islamic State, IS", synonymFilter(AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER)).path("synonyms").path(0).asText());
  }

  @Test
  void everyGazetteerSpellingAndSynonymsTxtLineIsASearchTimeRule() {
    OpenSearchAnalysis a = AnalysisTranslator.translate(BUILT_IN, GAZETTEER);
    JsonNode synonyms = synonymFilter(a);
    List<String> rules = StreamSupport.stream(synonyms.path("synonyms").spliterator(), false).map(JsonNode::asText).toList();
    // Every entity with several spellings contributes one rule naming all of them ...
    int entitiesWithVariants = 0;
    for (Gazetteer.Entry e : GAZETTEER.entities()) {
      // (an ambiguous spelling such as "Senate" is no synonym of its entity)
      if (e.unambiguousSpellings().size() >= 2 && e.unambiguousSpellings().stream().allMatch(s -> s.length() > 4)) {
        entitiesWithVariants++;
        assertTrue(rules.stream().anyMatch(r -> e.unambiguousSpellings().stream().allMatch(r::contains)),
            "no rule joins the spellings of " + e.name());
      }
    }
    assertTrue(entitiesWithVariants > 10, "the built-in gazetteer has entities with variants");
    // ... and so does every rule of synonyms.txt, comments dropped.
    for (String line : BUILT_IN.read("synonyms.txt").orElseThrow().lines().toList()) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertTrue(rules.contains(line), "synonyms.txt rule missing: " + line);
      }
    }
    assertTrue(rules.stream().noneMatch(r -> r.startsWith("#") || r.isBlank()));
    assertTrue(synonyms.path("expand").asBoolean());
  }

  @Test
  void wordListsAreReadAsLuceneReadsThemAndWrittenInline() throws IOException {
    Files.writeString(dir.resolve("stop-snowball.txt"), "the | an article\nof\n | a comment line\nand or\n");
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          tokenizer: standard
          filters: [lowercase, {name: stop, words: stop-snowball.txt, format: snowball, ignoreCase: true},
                    {name: shingle, minShingleSize: 2, maxShingleSize: 6}]
        bm25: {k1: 0.9, b: 0.4}
        """);
    OpenSearchAnalysis a = AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER);
    JsonNode index = a.analysis().path("analyzer").path(AnalysisTranslator.INDEX_ANALYZER);
    JsonNode stop = a.analysis().path("filter").path(index.path("filter").path(1).asText());
    assertEquals(new TreeSet<>(Set.of("the", "of", "and", "or")), texts(stop.path("stopwords")));
    assertTrue(stop.path("ignore_case").asBoolean());
    // Shingles of 2 to 6 words need OpenSearch's shingle-width limit (3) raised; BM25 follows the file.
    assertEquals(4, a.limits().get("index.max_shingle_diff"));
    assertEquals(0.9f, a.k1());
    // The query chain defaults to the index chain, as in the embedded index.
    assertEquals(filterTypes(a, index), filterTypes(a, a.analysis().path("analyzer").path(AnalysisTranslator.QUERY_ANALYZER)));
  }

  @Test
  void aFilterOpenSearchLacksIsRefusedByName() throws IOException {
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          tokenizer: standard
          filters: [lowercase, hyphenatedWords]
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER));
    assertTrue(e.getMessage().contains("analysis.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains("index chain's token filter 'hyphenatedWords' cannot be used with OpenSearch"), e.getMessage());
  }

  @Test
  void aParameterOpenSearchLacksIsRefusedByName() throws IOException {
    Files.writeString(dir.resolve("protected.txt"), "kazakhstan\n");
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          tokenizer: standard
          filters: [lowercase, {name: snowballPorter, language: English}]
        """);
    AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER); // Snowball's English stemmer is OpenSearch's too ...
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          tokenizer: standard
          filters: [lowercase, {name: snowballPorter, language: English, protected: protected.txt}]
        """);
    // ... but its protected words are not.
    ConfigException e = assertThrows(ConfigException.class, () -> AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER));
    assertTrue(e.getMessage().contains("'snowballPorter'") && e.getMessage().contains("'protected'"), e.getMessage());
  }

  @Test
  void aSynonymRuleOpenSearchWouldReadOtherwiseIsRefusedWithBothReadings() throws IOException {
    // Lucene reads rules with whitespace + lower-casing when no analyzer is named; OpenSearch with the
    // filters before the synonym filter, here folding the accent: "Türkiye" would match on one engine only.
    Files.writeString(dir.resolve("names.txt"), "Türkiye, Turkey\n");
    Files.writeString(dir.resolve("analysis.yaml"), """
        index:
          tokenizer: standard
          filters: [lowercase, asciiFolding]
        query:
          tokenizer: standard
          filters: [lowercase, asciiFolding, {name: synonymGraph, synonyms: names.txt, ignoreCase: true}]
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER));
    assertTrue(e.getMessage().contains("[türkiye]") && e.getMessage().contains("[turkiye]"), e.getMessage());
    // Naming an analyzer that reads rules as the chain does makes it exact.
    Files.writeString(dir.resolve("analysis.yaml"), Files.readString(dir.resolve("analysis.yaml"))
        .replace("ignoreCase: true}", "ignoreCase: true, analyzer: " + FoldingRuleAnalyzer.class.getName() + "}"));
    JsonNode rules = synonymFilter(AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER)).path("synonyms");
    assertEquals("Türkiye, Turkey", rules.path(0).asText());
  }

  @Test
  void everyLuceneFactoryIsTranslatedOrRefusedWithAMessage() throws IOException {
    List<String> translated = new ArrayList<>();
    for (String filter : TokenFilterFactory.availableTokenFilters()) {
      if (tryChain("standard", filter)) {
        translated.add(filter);
      }
    }
    for (String tokenizer : TokenizerFactory.availableTokenizers()) {
      if (tryChain(tokenizer, "lowercase")) {
        translated.add(tokenizer);
      }
    }
    for (String charFilter : CharFilterFactory.availableCharFilters()) {
      Files.writeString(dir.resolve("analysis.yaml"), "index:\n  charFilters: [" + charFilter + "]\n  tokenizer: standard\n");
      try {
        AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER);
        translated.add(charFilter);
      } catch (ConfigException e) {
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains(charFilter.toLowerCase(Locale.ROOT)), e.getMessage());
      }
    }
    assertTrue(translated.contains("htmlStrip"), translated.toString());
    // The usual English chains and the analysis-common filters people name are all there.
    for (String f : List.of("lowercase", "asciiFolding", "englishPossessive", "porterStem", "kStem", "snowballPorter",
        "stop", "wordDelimiterGraph", "shingle", "classic", "whitespace", "keyword")) { // synonymGraph needs parameters: above
      assertTrue(translated.stream().anyMatch(t -> t.equalsIgnoreCase(f)), f + " is not translated: " + translated);
    }
  }

  /** Translates a chain of one tokenizer and one filter: true when done, false when refused with a message naming it. */
  private boolean tryChain(String tokenizer, String filter) throws IOException {
    Files.writeString(dir.resolve("analysis.yaml"), "index:\n  tokenizer: " + tokenizer + "\n  filters: [" + filter + "]\n");
    try {
      AnalysisTranslator.translate(ConfigDir.of(dir), GAZETTEER);
      return true;
    } catch (ConfigException e) {
      String m = e.getMessage().toLowerCase(Locale.ROOT);
      assertTrue(m.contains(filter.toLowerCase(Locale.ROOT)) || m.contains(tokenizer.toLowerCase(Locale.ROOT)),
          "the refusal names neither " + tokenizer + " nor " + filter + ": " + e.getMessage());
      assertFalse(m.contains("exception"), e.getMessage());
      return false;
    }
  }

  private static JsonNode synonymFilter(OpenSearchAnalysis a) {
    for (JsonNode id : a.analysis().path("analyzer").path(AnalysisTranslator.QUERY_ANALYZER).path("filter")) {
      JsonNode f = a.analysis().path("filter").path(id.asText());
      if (f.path("type").asText().equals("synonym_graph")) {
        return f;
      }
    }
    throw new AssertionError("no synonym_graph filter in the query analyzer");
  }

  private static List<String> filterTypes(OpenSearchAnalysis a, JsonNode analyzer) {
    List<String> out = new ArrayList<>();
    for (JsonNode id : analyzer.path("filter")) {
      JsonNode f = a.analysis().path("filter").path(id.asText());
      out.add(f.path("type").asText() + (f.has("language") ? "/" + f.path("language").asText() : ""));
    }
    return out;
  }

  private static TreeSet<String> texts(JsonNode array) {
    TreeSet<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Reads synonym rules as a standard tokenizer, lower-casing and accent folding do. */
  public static final class FoldingRuleAnalyzer extends org.apache.lucene.analysis.Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      var source = new org.apache.lucene.analysis.standard.StandardTokenizer();
      var stream = new org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter(new org.apache.lucene.analysis.LowerCaseFilter(source));
      return new TokenStreamComponents(source, stream);
    }
  }
}
