package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.steppe.config.ConfigDir;
import org.steppe.config.ConfigException;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.AcronymCharFilterFactory;
import org.steppe.index.AcronymPattern;
import org.steppe.index.Analysis;
import org.steppe.index.AnalysisConfig;
import org.steppe.index.ConfigResourceLoader;
import org.steppe.opensearch.Counterpart.Param;

/**
 * Turns the analysis chains of {@code analysis.yaml} into OpenSearch analysis settings: custom
 * analyzers {@value #INDEX_ANALYZER} and {@value #QUERY_ANALYZER} with the same character filters,
 * tokenizer and token filters, every file they read (synonyms, the gazetteer's spellings, word lists) written inline,
 * since the cluster's nodes do not have Steppe's configuration folder.
 *
 * <p>A factory or parameter without an exact OpenSearch counterpart is refused with a
 * {@link ConfigException} naming the chain, the factory and why: an index that analyses
 * differently from the embedded one would give other answers without saying so.
 */
public final class AnalysisTranslator {
  /** The analyzer of indexed text. */
  public static final String INDEX_ANALYZER = "steppe_index";
  /** The analyzer of query text (with the search-time synonyms). */
  public static final String QUERY_ANALYZER = "steppe_query";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigDir config;
  private final ConfigResourceLoader loader;
  private final SynonymRuleCheck ruleCheck;

  private AnalysisTranslator(ConfigDir config, Gazetteer gazetteer) {
    this.config = config;
    this.loader = new ConfigResourceLoader(config, gazetteer);
    this.ruleCheck = new SynonymRuleCheck(loader);
  }

  /**
   * The OpenSearch form of {@code config}'s analysis.
   *
   * @throws ConfigException when the chains are invalid for Lucene itself, or name something
   *     OpenSearch cannot do exactly
   */
  public static OpenSearchAnalysis translate(ConfigDir config, Gazetteer gazetteer) {
    Analysis.load(config, gazetteer); // the embedded engine's own checks first, with their file-and-line messages
    AnalysisConfig conf = AnalysisConfig.load(config);
    AnalysisTranslator t = new AnalysisTranslator(config, gazetteer);
    ObjectNode analysis = JSON.createObjectNode();
    Map<String, Integer> limits = new HashMap<>();
    t.chain(analysis, limits, "index", INDEX_ANALYZER, conf.index());
    t.chain(analysis, limits, "query", QUERY_ANALYZER, conf.query());
    return new OpenSearchAnalysis(analysis, limits, conf.bm25().k1(), conf.bm25().b());
  }

  private void chain(ObjectNode analysis, Map<String, Integer> limits, String which, String analyzerName,
      AnalysisConfig.Chain chain) {
    ObjectNode analyzer = analysis.with("analyzer").putObject(analyzerName);
    analyzer.put("type", "custom");

    Counterpart tokenizer = Counterparts.tokenizer(chain.tokenizer())
        .orElseThrow(() -> refuse(which, "tokenizer", chain.tokenizer(), Counterparts.refusal(chain.tokenizer())));
    String tokenizerName = analyzerName + "_tokenizer";
    analysis.with("tokenizer").set(tokenizerName, definition(which, "tokenizer", chain.tokenizer(), tokenizer, Map.of()));
    analyzer.put("tokenizer", tokenizerName);

    ArrayNode charFilters = analyzer.putArray("char_filter");
    for (Object f : chain.charFilters()) {
      Map<String, Object> spec = asMap(f);
      String name = String.valueOf(spec.get("name"));
      String id = analyzerName + "_char_" + charFilters.size() + "_" + name.toLowerCase(Locale.ROOT);
      analysis.with("char_filter").set(id, charFilter(which, name, params(spec)));
      charFilters.add(id);
    }

    ArrayNode filters = analyzer.putArray("filter");
    List<Map<String, Object>> before = new ArrayList<>();
    for (Object f : chain.filters()) {
      Map<String, Object> spec = asMap(f);
      String name = String.valueOf(spec.get("name"));
      Map<String, String> params = params(spec);
      String id = analyzerName + "_" + filters.size() + "_" + name.toLowerCase(Locale.ROOT);
      ObjectNode def = switch (name.toLowerCase(Locale.ROOT)) {
        case "synonymgraph", "synonym" -> synonyms(which, name, params, chain, before);
        case "stemmeroverride" -> stemmerOverride(which, name, params);
        case "patternreplace" -> patternReplace(which, name, params);
        default -> definition(which, "token filter", name,
            Counterparts.filter(name).orElseThrow(() -> refuse(which, "token filter", name, Counterparts.refusal(name))), params);
      };
      limit(limits, def, "ngram", "min_gram", "max_gram", "max_ngram_diff", 1);
      limit(limits, def, "edge_ngram", "min_gram", "max_gram", "max_ngram_diff", 1);
      limit(limits, def, "shingle", "min_shingle_size", "max_shingle_size", "max_shingle_diff", 3);
      analysis.with("filter").set(id, def);
      filters.add(id);
      before.add(spec);
    }
  }

  /** A filter's parameters, as text: everything but its name. */
  private static Map<String, String> params(Map<String, Object> spec) {
    Map<String, String> params = new LinkedHashMap<>();
    spec.forEach((k, v) -> {
      if (!k.equals("name") && !k.equals("luceneMatchVersion")) {
        params.put(k, String.valueOf(v));
      }
    });
    return params;
  }

  /**
   * A character filter. OpenSearch's {@code pattern_replace} and {@code html_strip} are Lucene's
   * {@code PatternReplaceCharFilter} and {@code HTMLStripCharFilter}; Steppe's {@code markAcronyms}
   * is the first with a pattern made from its word list, which is made here by the factory itself.
   */
  private ObjectNode charFilter(String which, String name, Map<String, String> params) {
    ObjectNode def = JSON.createObjectNode();
    switch (name.toLowerCase(Locale.ROOT)) {
      case "markacronyms" -> {
        only(which, name, params, "words");
        AcronymCharFilterFactory factory = new AcronymCharFilterFactory(new HashMap<>(params));
        try {
          factory.inform(loader);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        def.put("type", "pattern_replace");
        def.put("pattern", factory.pattern().pattern());
        def.put("replacement", AcronymPattern.REPLACEMENT);
      }
      case "patternreplace" -> {
        only(which, name, params, "pattern", "replacement");
        def.put("type", "pattern_replace");
        def.put("pattern", params.get("pattern"));
        def.put("replacement", params.getOrDefault("replacement", ""));
      }
      case "htmlstrip" -> {
        only(which, name, params, "escapedTags");
        def.put("type", "html_strip");
        if (params.containsKey("escapedTags")) {
          ArrayNode tags = def.putArray("escaped_tags");
          for (String tag : params.get("escapedTags").split("[\\s,]+")) {
            if (!tag.isEmpty()) {
              tags.add(tag);
            }
          }
        }
      }
      default -> throw refuse(which, "character filter", name,
          "only markAcronyms, patternReplace and htmlStrip have exact OpenSearch counterparts");
    }
    return def;
  }

  private void only(String which, String name, Map<String, String> params, String... allowed) {
    for (String key : params.keySet()) {
      if (!List.of(allowed).contains(key)) {
        throw refuse(which, "character filter", name, "its parameter '" + key + "' has no OpenSearch counterpart");
      }
    }
  }

  /** A tokenizer or filter from the table: fixed settings, then each parameter under its OpenSearch name. */
  private ObjectNode definition(String which, String what, String name, Counterpart c, Map<String, String> params) {
    ObjectNode def = JSON.createObjectNode();
    def.put("type", c.type());
    c.fixed().forEach((k, v) -> def.set(k, JSON.valueToTree(v)));
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getKey().equals("format") && c.params().values().stream().anyMatch(x -> x.kind() == Counterpart.Kind.WORDS)) {
        continue; // the word-list format tells how to read the words (value, WORDS)
      }
      Param param = c.params().get(p.getKey());
      if (param == null) {
        throw refuse(which, what, name, "its parameter '" + p.getKey() + "' has no OpenSearch counterpart");
      }
      def.set(param.name(), value(which, what, name, p.getKey(), p.getValue(), param.kind(), params.get("format")));
    }
    return def;
  }

  private JsonNode value(String which, String what, String name, String key, String v,
      Counterpart.Kind kind, String format) {
    try {
      return switch (kind) {
        case TEXT -> JSON.getNodeFactory().textNode(v);
        case BOOL -> {
          if (!v.equals("true") && !v.equals("false")) {
            throw refuse(which, what, name, "its parameter '" + key + "' must be true or false, not '" + v + "'");
          }
          yield JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(v));
        }
        case INT -> JSON.getNodeFactory().numberNode(Integer.parseInt(v));
        case FLAG -> JSON.getNodeFactory().booleanNode(Integer.parseInt(v) != 0);
        case WORDS -> JSON.valueToTree(words(v, format));
        case ONE_ELEMENT_LIST -> JSON.createArrayNode().add(v);
      };
    } catch (NumberFormatException e) {
      throw refuse(which, what, name, "its parameter '" + key + "' must be a whole number, not '" + v + "'");
    }
  }

  /** Synonym rules inline, checked to be read by OpenSearch as Lucene reads them. */
  private ObjectNode synonyms(String which, String name, Map<String, String> params, AnalysisConfig.Chain chain,
      List<Map<String, Object>> before) {
    ObjectNode def = JSON.createObjectNode();
    def.put("type", name.equalsIgnoreCase("synonym") ? "synonym" : "synonym_graph");
    String files = params.get("synonyms");
    String format = params.getOrDefault("format", "solr");
    if (!format.equals("solr") && !format.equals("wordnet")) {
      throw refuse(which, "token filter", name, "its format '" + format + "' is neither solr nor wordnet");
    }
    for (String key : params.keySet()) {
      if (!List.of("synonyms", "format", "expand", "ignoreCase", "analyzer").contains(key)) {
        throw refuse(which, "token filter", name, "its parameter '" + key + "' has no OpenSearch counterpart");
      }
    }
    boolean ignoreCase = Boolean.parseBoolean(params.getOrDefault("ignoreCase", "false"));
    if (ignoreCase && before.stream().noneMatch(f -> String.valueOf(f.get("name")).equalsIgnoreCase("lowercase"))) {
      throw refuse(which, "token filter", name, "ignoreCase: true without a lowercase filter before it has no OpenSearch "
          + "counterpart (OpenSearch matches synonyms on the tokens as the filters before it leave them); put lowercase first");
    }
    List<String> rules = new ArrayList<>();
    for (String file : fileNames(files)) {
      for (String line : lines(file)) {
        if (!line.isEmpty() && line.charAt(0) != '#') {
          rules.add(line);
        }
      }
    }
    if (format.equals("solr")) {
      ruleCheck.check(config.describe(AnalysisConfig.FILE), which, chain.charFilters(), chain.tokenizer(), before,
          params.get("analyzer"), ignoreCase, rules);
    }
    def.put("format", format);
    def.put("expand", Boolean.parseBoolean(params.getOrDefault("expand", "true")));
    def.put("lenient", false);
    def.set("synonyms", JSON.valueToTree(rules));
    return def;
  }

  /** Lucene's tab-separated dictionary becomes OpenSearch's "word => stem" rules. */
  private ObjectNode stemmerOverride(String which, String name, Map<String, String> params) {
    if (Boolean.parseBoolean(params.getOrDefault("ignoreCase", "false"))) {
      throw refuse(which, "token filter", name, "OpenSearch's stemmer_override has no ignoreCase");
    }
    for (String key : params.keySet()) {
      if (!key.equals("dictionary") && !key.equals("ignoreCase")) {
        throw refuse(which, "token filter", name, "its parameter '" + key + "' has no OpenSearch counterpart");
      }
    }
    List<String> rules = new ArrayList<>();
    for (String file : fileNames(params.get("dictionary"))) {
      for (String line : lines(file)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        String[] parts = l.split("\t", 2);
        if (parts.length != 2 || parts[1].contains("=>") || parts[0].contains("=>") || parts[0].contains(",")) {
          throw refuse(which, "token filter", name, "the dictionary line '" + l + "' of " + file
              + " cannot be written as an OpenSearch rule (word TAB stem, no ',' or '=>')");
        }
        rules.add(parts[0] + " => " + parts[1]);
      }
    }
    ObjectNode def = JSON.createObjectNode();
    def.put("type", "stemmer_override");
    def.set("rules", JSON.valueToTree(rules));
    return def;
  }

  private ObjectNode patternReplace(String which, String name, Map<String, String> params) {
    ObjectNode def = JSON.createObjectNode();
    def.put("type", "pattern_replace");
    for (String key : params.keySet()) {
      if (!List.of("pattern", "replacement", "replace").contains(key)) {
        throw refuse(which, "token filter", name, "its parameter '" + key + "' has no OpenSearch counterpart");
      }
    }
    def.put("pattern", params.get("pattern"));
    def.put("replacement", params.getOrDefault("replacement", ""));
    def.put("all", !"first".equals(params.get("replace"))); // Lucene's replace=all|first, all by default
    return def;
  }

  /** Words of word-list files, as Lucene's factories read them ({@code #} comments, or Snowball's {@code |}). */
  private List<String> words(String files, String format) {
    CharArraySet set = new CharArraySet(16, false);
    for (String file : fileNames(files)) {
      try (Reader r = new InputStreamReader(open(file), StandardCharsets.UTF_8)) {
        if ("snowball".equalsIgnoreCase(format)) {
          WordlistLoader.getSnowballWordSet(r, set);
        } else {
          WordlistLoader.getWordSet(r, "#", set);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return set.stream().map(w -> new String((char[]) w)).sorted().toList();
  }

  private List<String> lines(String file) {
    try (InputStream in = open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private InputStream open(String file) throws IOException {
    return loader.openResource(file);
  }

  /** Lucene's comma-separated list of files ({@code \,} escapes a comma in a name). */
  static List<String> fileNames(String files) {
    List<String> out = new ArrayList<>();
    if (files == null) {
      return out;
    }
    for (String f : files.split("(?<!\\\\),")) {
      String name = f.replace("\\,", ",").strip();
      if (!name.isEmpty()) {
        out.add(name);
      }
    }
    return out;
  }

  /** OpenSearch refuses n-grams and shingles wider than its index limits (defaults 1 and 3): raise them to what the chain needs. */
  private static void limit(Map<String, Integer> limits, ObjectNode def, String type, String min, String max, String setting,
      int openSearchDefault) {
    if (def.path("type").asText().equals(type) && def.has(max)) {
      int diff = def.path(max).asInt() - def.path(min).asInt(type.equals("shingle") ? 2 : 1);
      if (diff > openSearchDefault) {
        limits.merge("index." + setting, diff, Math::max);
      }
    }
  }

  private ConfigException refuse(String which, String what, String name, String why) {
    return new ConfigException(config.describe(AnalysisConfig.FILE), 0,
        "the " + which + " chain's " + what + " '" + name + "' cannot be used with OpenSearch: " + why);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object filter) {
    return filter instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("name", filter);
  }
}
