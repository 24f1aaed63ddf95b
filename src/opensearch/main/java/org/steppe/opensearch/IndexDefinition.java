package org.steppe.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Fields;

/**
 * The body of the request that creates Steppe's OpenSearch index: settings (shards, replicas,
 * the analysis of {@code analysis.yaml}, BM25 as the default similarity) and the mapping of every
 * field of {@link Fields}, typed as the embedded index types it.
 *
 * <p>Articles and quotes share one index, told apart by {@link Fields#KIND} as in the embedded
 * index; every document is routed by its article's id, so an article and its quotes live on one
 * shard and are replaced together. {@code _source} keeps what the embedded index stores.
 */
public final class IndexDefinition {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexDefinition() {}

  /** The create-index body for {@code config}'s analysis, with {@code shards} primaries of {@code replicas} copies each. */
  public static ObjectNode of(ConfigDir config, Gazetteer gazetteer, int shards, int replicas) {
    return of(AnalysisTranslator.translate(config, gazetteer), shards, replicas);
  }

  static ObjectNode of(OpenSearchAnalysis analysis, int shards, int replicas) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    analysis.limits().forEach((k, v) -> index.put(k.substring("index.".length()), v));
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25");
    bm25.put("k1", analysis.k1());
    bm25.put("b", analysis.b());
    index.set("analysis", analysis.analysis());
    body.set("mappings", mappings());
    return body;
  }

  /** Every field, typed as {@code index.DocumentBuilder} indexes it. */
  static ObjectNode mappings() {
    ObjectNode mappings = JSON.createObjectNode();
    mappings.put("dynamic", "strict"); // a misspelt field name fails loudly instead of growing the mapping
    mappings.putObject("_routing").put("required", true);
    ObjectNode p = mappings.putObject("properties");
    for (String f : new String[] {Fields.KIND, Fields.ID, Fields.ARTICLE_ID, Fields.FINGERPRINT, Fields.QUOTE_KIND,
        Fields.ENTITY_TYPE, Fields.ENTITY_TYPED, Fields.SOURCE_EXACT, Fields.ENTITY_EXACT, Fields.SPEAKER_EXACT}) {
      p.putObject(f).put("type", "keyword");
    }
    // Searched and highlighted: offsets in the postings, as in the embedded index, for the unified highlighter.
    for (String f : new String[] {Fields.TITLE, Fields.BODY, Fields.QUOTE}) {
      text(p, f).put("index_options", "offsets");
    }
    for (String f : new String[] {Fields.AUTHOR, Fields.ROLE, Fields.CONTEXT}) {
      text(p, f);
    }
    // Analysed for field queries (`source:tengrinews`), copied whole into the keyword field that filters and facets use.
    text(p, Fields.SOURCE).put("copy_to", Fields.SOURCE_EXACT);
    text(p, Fields.ENTITY).put("copy_to", Fields.ENTITY_EXACT);
    text(p, Fields.SPEAKER).put("copy_to", Fields.SPEAKER_EXACT);
    // Publication date: ranges, sorting, and the month and year facets as date histograms.
    p.putObject(Fields.DATE).put("type", "date").put("format", "strict_date");
    // Stored only, as in the embedded index: kept in _source, not searchable.
    for (String f : new String[] {Fields.FILE, Fields.URL, Fields.ARTICLE_TITLE, Fields.ENRICHMENT}) {
      p.putObject(f).put("type", "text").put("index", false);
    }
    for (String f : new String[] {Fields.QUOTE_START, Fields.QUOTE_END, Fields.QUOTE_COUNT}) {
      p.putObject(f).put("type", "integer").put("index", false).put("doc_values", false);
    }
    return mappings;
  }

  private static ObjectNode text(ObjectNode properties, String field) {
    return properties.putObject(field).put("type", "text")
        .put("analyzer", AnalysisTranslator.INDEX_ANALYZER)
        .put("search_analyzer", AnalysisTranslator.QUERY_ANALYZER);
  }
}
