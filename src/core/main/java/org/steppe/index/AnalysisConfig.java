package org.steppe.index;

import java.util.List;
import java.util.Map;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;

/**
 * How text is analysed, from {@code analysis.yaml}: Lucene analysis chains named by their factory
 * names (as in Solr schemas and {@code CustomAnalyzer}), one for indexing and one for queries, and
 * the BM25 parameters. A chain may start with character filters ({@code charFilters}) that change
 * the text before it is split into tokens.
 *
 * @param index the chain for indexed text
 * @param query the chain for query text (where synonyms belong: applied once, at query time)
 * @param bm25 ranking parameters
 */
public record AnalysisConfig(Chain index, Chain query, Bm25 bm25) {
  public static final String FILE = "analysis.yaml";

  /**
   * One analysis chain.
   *
   * @param tokenizer a tokenizer factory name, e.g. {@code standard}
   * @param filters token filters in order: a factory name, or a map with {@code name} and the
   *     factory's parameters
   * @param charFilters character filters, applied to the text before the tokenizer, written as
   *     the token filters are
   */
  public record Chain(String tokenizer, List<Object> filters, List<Object> charFilters) {
    public Chain {
      if (tokenizer == null || tokenizer.isBlank()) {
        throw new IllegalArgumentException("an analysis chain needs a tokenizer");
      }
      filters = filters == null ? List.of() : List.copyOf(filters);
      charFilters = charFilters == null ? List.of() : List.copyOf(charFilters);
    }

    /** A chain without character filters. */
    public Chain(String tokenizer, List<Object> filters) {
      this(tokenizer, filters, null);
    }
  }

  /** BM25's term-frequency saturation {@code k1} and length normalisation {@code b}. */
  public record Bm25(Float k1, Float b) {
    public Bm25 {
      k1 = k1 == null ? 1.2f : k1;
      b = b == null ? 0.75f : b;
    }
  }

  private static final Chain DEFAULT_CHAIN = new Chain("standard",
      List.of("englishPossessive", "lowercase", "asciiFolding", "porterStem"));

  public AnalysisConfig {
    index = index == null ? DEFAULT_CHAIN : index;
    query = query == null ? index : query;
    bm25 = bm25 == null ? new Bm25(null, null) : bm25;
  }

  /** The configuration of {@code config}, or the defaults (English, no synonyms, k1=1.2, b=0.75). */
  public static AnalysisConfig load(ConfigDir config) {
    return YamlFile.read(config, FILE, AnalysisConfig.class).orElse(new AnalysisConfig(null, null, null));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object filter) {
    return filter instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("name", filter);
  }
}
