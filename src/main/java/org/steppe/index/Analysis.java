package org.steppe.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
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

  private Analysis(Analyzer indexAnalyzer, Analyzer queryAnalyzer, Similarity similarity) {
    this.indexAnalyzer = indexAnalyzer;
    this.queryAnalyzer = queryAnalyzer;
    this.similarity = similarity;
  }

  /** Builds the analysis of {@code config}; a bad chain stops with a {@link ConfigException}. */
  public static Analysis load(ConfigDir config, Gazetteer gazetteer) {
    AnalysisConfig conf = AnalysisConfig.load(config);
    ConfigResourceLoader loader = new ConfigResourceLoader(config, gazetteer);
    String file = config.describe(AnalysisConfig.FILE);
    Analyzer index = perField(build(conf.index(), loader, file, "index"));
    Analyzer query = perField(build(conf.query(), loader, file, "query"));
    return new Analysis(index, query, new BM25Similarity(conf.bm25().k1(), conf.bm25().b()));
  }

  private static Analyzer build(AnalysisConfig.Chain chain, ConfigResourceLoader loader, String file, String which) {
    try {
      CustomAnalyzer.Builder b = CustomAnalyzer.builder(loader).withTokenizer(chain.tokenizer());
      for (Object filter : chain.filters()) {
        Map<String, Object> spec = AnalysisConfig.asMap(filter);
        Map<String, String> params = new HashMap<>();
        spec.forEach((k, v) -> {
          if (!k.equals("name")) {
            params.put(k, String.valueOf(v));
          }
        });
        Object name = spec.get("name");
        if (name == null) {
          throw new IllegalArgumentException("a filter needs a name: " + spec);
        }
        b.addTokenFilter(name.toString(), params);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, 0, "the " + which + " analysis chain is wrong: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "the " + which + " analysis chain needs a file that cannot be read: " + e.getMessage(), e);
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
}
