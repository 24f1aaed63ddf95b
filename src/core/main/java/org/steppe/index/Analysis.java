package org.steppe.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.steppe.config.ConfigDir;
import org.steppe.config.ConfigException;
import org.steppe.enrich.Gazetteer;

/**
 * The analyzers and similarity of an index, built from {@code analysis.yaml}: one analyzer for
 * indexing, one for queries, keyword fields left whole. Immutable and thread-safe.
 */
public final class Analysis {
  private final Analyzer indexAnalyzer;
  private final Analyzer queryAnalyzer;
  private final Similarity similarity;
  private final AnalysisPin pin;

  private Analysis(Analyzer indexAnalyzer, Analyzer queryAnalyzer, Similarity similarity, AnalysisPin pin) {
    this.indexAnalyzer = indexAnalyzer;
    this.queryAnalyzer = queryAnalyzer;
    this.similarity = similarity;
    this.pin = pin;
  }

  /** Builds the analysis of {@code config}; a bad chain stops with a {@link ConfigException} naming file and line. */
  public static Analysis load(ConfigDir config, Gazetteer gazetteer) {
    AnalysisConfig conf = AnalysisConfig.load(config);
    ChainErrors errors = new ChainErrors(config, config.read(AnalysisConfig.FILE).orElse(""));
    // Its own loader for the index chain, so the pin names exactly the files indexed text depends on.
    ConfigResourceLoader indexFiles = new ConfigResourceLoader(config, gazetteer);
    Analyzer index = perField(build(conf.index(), indexFiles, errors, "index"));
    Analyzer query = perField(build(conf.query(), new ConfigResourceLoader(config, gazetteer), errors, "query"));
    return new Analysis(index, query, new BM25Similarity(conf.bm25().k1(), conf.bm25().b()),
        AnalysisPin.of(conf.index(), indexFiles.served()));
  }

  private static Analyzer build(AnalysisConfig.Chain chain, ConfigResourceLoader loader, ChainErrors errors, String which) {
    CustomAnalyzer.Builder b;
    try {
      b = CustomAnalyzer.builder(loader).withTokenizer(chain.tokenizer());
    } catch (IllegalArgumentException | IOException e) {
      throw errors.at(which, chain.tokenizer(), "the " + which + " chain's tokenizer '" + chain.tokenizer() + "' cannot be used: "
          + ChainErrors.firstSentence(e), e);
    }
    for (Object filter : chain.charFilters()) {
      add(filter, "character filter", CharFilterFactory.availableCharFilters(), "markAcronyms, patternReplace, htmlStrip",
          b::addCharFilter, which, errors);
    }
    for (Object filter : chain.filters()) {
      add(filter, "token filter", TokenFilterFactory.availableTokenFilters(), "lowercase, asciiFolding, porterStem, synonymGraph, stop",
          b::addTokenFilter, which, errors);
    }
    return b.build();
  }

  /** How a builder takes a filter: its factory name and parameters. */
  private interface FilterAdder {
    void add(String name, Map<String, String> params) throws IOException;
  }

  /** Adds one filter of a chain, whose name Lucene must know among {@code known}; a failure names it and its line. */
  private static void add(Object filter, String what, java.util.Set<String> known, String examples, FilterAdder adder,
      String which, ChainErrors errors) {
    Map<String, String> params = params(filter);
    String name = name(filter, what, which, errors, known, examples);
    try {
      adder.add(name, new HashMap<>(params)); // a factory consumes the map it is given
    } catch (IllegalArgumentException | IOException e) {
      throw errors.of(which, name, params, e);
    }
  }

  /** A filter's parameters: everything but its name, as text. */
  private static Map<String, String> params(Object filter) {
    Map<String, String> params = new HashMap<>();
    AnalysisConfig.asMap(filter).forEach((k, v) -> {
      if (!k.equals("name")) {
        params.put(k, String.valueOf(v));
      }
    });
    return params;
  }

  /** A filter's name, which Lucene must know among {@code known}. */
  private static String name(Object filter, String what, String which, ChainErrors errors, java.util.Set<String> known,
      String examples) {
    Map<String, Object> spec = AnalysisConfig.asMap(filter);
    Object name = spec.get("name");
    if (name == null) {
      throw errors.at(which, null, "a " + what + " of the " + which + " chain needs a name: " + spec, null);
    }
    if (known.stream().noneMatch(n -> n.equalsIgnoreCase(name.toString()))) {
      throw errors.at(which, name.toString(), "the " + which + " chain names an unknown " + what + " '" + name
          + "' (Lucene factory names, e.g. " + examples + ")", null);
    }
    return name.toString();
  }

  /** Turns a failure while building a chain into a {@link ConfigException} at the right file and line. */
  private record ChainErrors(ConfigDir config, String text) {
    ConfigException at(String chain, String word, String message, Throwable cause) {
      return new ConfigException(config.describe(AnalysisConfig.FILE), lineOf(chain, word), message, cause);
    }

    ConfigException of(String chain, String filter, Map<String, String> params, Exception e) {
      // A synonym file that does not parse: the fault is in that file, at the line the parser names.
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof java.text.ParseException pe) {
          java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(pe.getMessage()));
          String file = userFile(params.getOrDefault("synonyms", ""));
          String why = pe.getCause() != null && pe.getCause().getMessage() != null ? pe.getCause().getMessage() : pe.getMessage();
          return new ConfigException(config.describe(file), m.find() ? Integer.parseInt(m.group(1)) : 0,
              "an invalid synonym rule (" + why + "), read by the " + filter + " filter of the " + chain + " chain in " + AnalysisConfig.FILE, e);
        }
      }
      // A file the filter needs and the folder lacks: point at the line that names it.
      for (String value : params.values()) {
        for (String part : value.split(",")) {
          if (String.valueOf(e.getMessage()).contains(part.strip()) && !part.isBlank()) {
            return at(chain, part.strip(), "the " + filter + " filter of the " + chain + " chain needs " + part.strip()
                + ", which is neither in the configuration folder nor built in", e);
          }
        }
      }
      return at(chain, filter, "the " + filter + " filter of the " + chain + " chain cannot be built: " + firstSentence(e), e);
    }

    /** The line naming {@code word} within the chain's block ({@code index:} or {@code query:}); else the block's line. */
    int lineOf(String chain, String word) {
      List<String> lines = text.lines().toList();
      int start = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches("^" + chain + "\\s*:.*")) {
          start = i;
          if (word == null) {
            return i + 1;
          }
        } else if (start >= 0 && word != null && lines.get(i).contains(word)) {
          return i + 1;
        }
      }
      return start + 1; // 0 when the built-in file is at fault and has no such block
    }

    private static String userFile(String synonyms) {
      for (String f : synonyms.split(",")) {
        if (!f.strip().equals(ConfigResourceLoader.GAZETTEER_SYNONYMS) && !f.isBlank()) {
          return f.strip();
        }
      }
      return synonyms.strip();
    }

    static String firstSentence(Exception e) {
      String m = String.valueOf(e.getMessage());
      int cut = m.indexOf(". ");
      return cut > 0 ? m.substring(0, cut + 1) : m;
    }
  }

  /** Keyword fields are matched whole; every other field goes through the chain. */
  private static Analyzer perField(Analyzer text) {
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    Map<String, Analyzer> fields = new HashMap<>();
    for (String f : new String[] {Fields.ID, Fields.ARTICLE_ID, Fields.KIND, Fields.SOURCE_EXACT, Fields.ENTITY_EXACT,
        Fields.ENTITY_TYPE, Fields.ENTITY_TYPED, Fields.SPEAKER_EXACT, Fields.QUOTE_KIND, Fields.FINGERPRINT, Fields.FILE}) {
      fields.put(f, keyword);
    }
    return new PerFieldAnalyzerWrapper(text, fields);
  }

  /** For indexed text. */
  public Analyzer indexAnalyzer() {
    return indexAnalyzer;
  }

  /** For query text: the same chain plus query-time synonyms. */
  public Analyzer queryAnalyzer() {
    return queryAnalyzer;
  }

  public Similarity similarity() {
    return similarity;
  }

  /** What indexed text depends on: the index chain and the files it reads. */
  public AnalysisPin pin() {
    return pin;
  }
}
