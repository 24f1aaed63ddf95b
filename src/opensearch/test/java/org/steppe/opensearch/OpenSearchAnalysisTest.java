package org.steppe.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.steppe.SeedCorpus;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Analysis;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.index.Fields;

/**
 * A real cluster analyses text exactly as the embedded index does: the same tokens, offsets,
 * positions and synonym graphs from OpenSearch's {@code _analyze} as from Steppe's Lucene
 * analyzers, for the seed articles, a Reuters slice and every spelling the configuration knows,
 * under the project's configuration and two others that name many more factories.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
class OpenSearchAnalysisTest {
  static Connection connection;
  static Rest rest;
  static final List<String> INDEXES = new ArrayList<>();
  @TempDir static Path configs;

  @BeforeAll
  static void connect(OpenSearchCluster.Running cluster) throws IOException {
    connection = cluster.connect();
    rest = new Rest(connection);
    writeConfigs();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    for (String index : INDEXES) {
      rest.deleteIndex(index);
    }
    connection.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"project", "stemming-variants", "european"})
  void openSearchAnalysesEveryTextAsTheEmbeddedIndexDoes(String name) throws IOException {
    ConfigDir config = name.equals("project") ? SeedCorpus.CONFIG : ConfigDir.of(configs.resolve(name));
    Gazetteer gazetteer = Gazetteer.load(config);
    String index = "analysis-" + name;
    INDEXES.add(index);
    rest.createIndex(index, IndexDefinition.of(config, gazetteer, OpenSearchCluster.SHARDS, OpenSearchCluster.REPLICAS));
    Analysis lucene = Analysis.load(config, gazetteer);

    Map<String, String> texts = texts(gazetteer, config);
    int tokens = 0;
    for (Map.Entry<String, String> t : texts.entrySet()) {
      List<Token> indexed = lucene(lucene.indexAnalyzer(), t.getValue());
      assertEquals(indexed, openSearch(index, AnalysisTranslator.INDEX_ANALYZER, t.getValue()),
          name + ": index analysis of " + t.getKey());
      List<Token> queried = lucene(lucene.queryAnalyzer(), t.getValue());
      assertEquals(queried, openSearch(index, AnalysisTranslator.QUERY_ANALYZER, t.getValue()),
          name + ": query analysis of " + t.getKey());
      tokens += indexed.size() + queried.size();
    }
    System.err.println("OpenSearchAnalysisTest[" + name + "]: " + texts.size() + " texts, " + tokens + " tokens, all equal");
    assertTrue(tokens > 10_000, "too little text was compared: " + tokens + " tokens");
  }

  /** The seeds' titles and bodies, a slice of Reuters when ../shared is there, and a sentence per spelling. */
  private static Map<String, String> texts(Gazetteer gazetteer, ConfigDir config) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Article a : SeedCorpus.articles().values()) {
      texts.put(a.id() + " title", String.valueOf(a.metadata().title()));
      for (String part : chunks(a.body())) {
        texts.put(a.id() + " body at " + texts.size(), part);
      }
    }
    Path reuters = Path.of("..", "shared", "datasets", "reuters21578", "reut2-000.sgm");
    if (Files.isRegularFile(reuters)) {
      List<Article> stories = Corpus.open(reuters.getParent(), config, IngestListener.SILENT).read(reuters);
      for (Article a : stories.subList(0, Math.min(150, stories.size()))) {
        texts.put("reuters " + a.id(), a.body());
      }
    }
    for (Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        texts.put("spelling " + spelling, "On Monday " + spelling + "'s office said " + spelling + " met the minister.");
      }
    }
    // Stop words in capitals: acronyms amid lower case or alone, words in a shouted line, glued words left alone.
    List<String> acronyms = List.of("The US and the UN said IT firms in the US's north are ready.",
        "US", "IS", "WHO", "us", "US economy", "U.S. TO CUT OIL IMPORTS, IS SAID\n\nWASHINGTON - The US is to cut imports.",
        "AT&T and US-led forces, IT/telecom, the U.S.-IS talks", "HE SAID: WE ARE READY\nand he is (AS he said) ready.",
        "<b>US</b> &amp; IS", "ON", "OR AND NOT", "x".repeat(40) + " US " + "y".repeat(40));
    for (String a : acronyms) {
      texts.put("acronyms " + a, a);
    }
    for (String line : config.read("synonyms.txt").orElse("").lines().toList()) {
      if (!line.startsWith("#") && !line.isBlank()) {
        texts.put("synonyms " + line, "The " + line.replaceAll("[,=>]+", " and the ") + " question.");
      }
    }
    return texts;
  }

  /** Paragraph groups of at most ~20,000 characters: {@code _analyze} answers at most 10,000 tokens. */
  private static List<String> chunks(String body) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (String para : body.split("\n\n")) {
      if (b.length() + para.length() > 20_000 && !b.isEmpty()) {
        out.add(b.toString());
        b.setLength(0);
      }
      b.append(para).append("\n\n");
    }
    out.add(b.toString());
    return out;
  }

  record Token(String term, int start, int end, int position, int positionLength) {}

  private static List<Token> lucene(Analyzer analyzer, String text) throws IOException {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), position, len.getPositionLength()));
      }
      ts.end();
    }
    return out;
  }

  private static List<Token> openSearch(String index, String analyzer, String text) throws IOException {
    JsonNode answer = rest.call("POST", "/" + index + "/_analyze", Map.of("analyzer", analyzer, "text", text));
    List<Token> out = new ArrayList<>();
    for (JsonNode t : answer.path("tokens")) {
      out.add(new Token(t.path("token").asText(), t.path("start_offset").asInt(), t.path("end_offset").asInt(),
          t.path("position").asInt(), t.path("positionLength").asInt(1)));
    }
    return out;
  }

  /** Two configurations that name many more factories than the project's, with files of their own. */
  private static void writeConfigs() throws IOException {
    Path stemming = Files.createDirectories(configs.resolve("stemming-variants"));
    Files.writeString(stemming.resolve("stop.txt"), "# stop words\nthe\nof\nand\na\nto\nin\n");
    Files.writeString(stemming.resolve("protected.txt"), "kazakhstan\nrussia\n");
    Files.writeString(stemming.resolve("override.txt"), "running\trun\nministries\tministry\n");
    // SynonymRuleAnalyzer marks acronyms (stopwords.txt) as the built-in chains do, so chains that use it mark them too.
    Files.writeString(stemming.resolve("analysis.yaml"), """
        index:
          charFilters: [{name: markAcronyms, words: stopwords.txt}]
          tokenizer: standard
          filters:
            - englishPossessive
            - {name: wordDelimiterGraph, preserveOriginal: 1, catenateWords: 1, splitOnNumerics: 0}
            - flattenGraph
            - lowercase
            - {name: asciiFolding, preserveOriginal: true}
            - {name: stop, words: stop.txt, ignoreCase: true}
            - {name: keywordMarker, protected: protected.txt}
            - {name: stemmerOverride, dictionary: override.txt}
            - kStem
            - {name: length, min: 2, max: 40}
            - removeDuplicates
        query:
          charFilters: [{name: markAcronyms, words: stopwords.txt}]
          tokenizer: standard
          filters:
            - englishPossessive
            - lowercase
            - asciiFolding
            - {name: synonymGraph, synonyms: "synonyms.txt, gazetteer-synonyms.txt", ignoreCase: true, expand: true, analyzer: org.steppe.index.SynonymRuleAnalyzer}
            - {name: stop, words: stop.txt, ignoreCase: true}
            - {name: keywordMarker, protected: protected.txt}
            - {name: stemmerOverride, dictionary: override.txt}
            - kStem
        bm25: {k1: 1.0, b: 0.6}
        """);
    Path european = Files.createDirectories(configs.resolve("european"));
    Files.writeString(european.resolve("articles.txt"), "l\nd\nqu\n");
    Files.writeString(european.resolve("stop-snowball.txt"), "the | article\nof\nand or | conjunctions\n");
    Files.writeString(european.resolve("analysis.yaml"), """
        index:
          charFilters:
            - {name: htmlStrip, escapedTags: "b"}
            - {name: patternReplace, pattern: "(\\\\p{Lu})\\\\.(?=\\\\p{Lu})", replacement: "$1"}
          tokenizer: classic
          filters:
            - classic
            - {name: elision, articles: articles.txt, ignoreCase: true}
            - apostrophe
            - lowercase
            - {name: patternReplace, pattern: "(\\\\d+)[.,](\\\\d+)", replacement: "$1$2", replace: all}
            - {name: stop, words: stop-snowball.txt, format: snowball}
            - {name: snowballPorter, language: English}
            - {name: truncate, prefixLength: 12}
        query:
          tokenizer: uax29UrlEmail
          filters:
            - lowercase
            - decimalDigit
            - {name: stop, words: stop-snowball.txt, format: snowball}
            - {name: snowballPorter, language: English}
            - {name: edgeNGram, minGramSize: 2, maxGramSize: 6, preserveOriginal: true}
        """);
  }
}
