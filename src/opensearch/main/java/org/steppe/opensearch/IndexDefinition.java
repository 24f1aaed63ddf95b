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
    // Searches see what a writer committed, as in the embedded index: Steppe refreshes on commit,
    // never on a timer, so a sync half done is not shown.
    index.put("refresh_interval", "-1");
    analysis.limits().forEach((k, v) -> index.put(k.substring("index.".length()), v));
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25");
    bm25.put("k1", analysis.k1());
    bm25.put("b", analysis.b());
    ObjectNode settings = analysis.analysis().deepCopy();
    addTermsAnalyzer(settings);
    index.set("analysis", settings);
    body.set("mappings", mappings());
    return body;
  }

  /**
   * The search analyzer of every text field, {@value #TERMS_ANALYZER}: query text arrives analysed
   * by Steppe itself (the same Lucene chain as the embedded engine, so both engines search the
   * same terms), written as terms separated by spaces; {@code a|b} puts two terms at one position
   * (synonyms) and the character U+0000 ({@link #GAP}) leaves a position empty (a word a filter removed inside a phrase).
   * The chain Steppe analyses with is in the index too, as {@value AnalysisTranslator#QUERY_ANALYZER},
   * for queries written by hand.
   */
  private static void addTermsAnalyzer(ObjectNode analysis) {
    analysis.with("tokenizer").putObject(TERMS_ANALYZER + "_tokenizer").put("type", "whitespace").put("max_token_length", 32_766);
    analysis.with("filter").putObject(TERMS_ANALYZER + "_gaps").put("type", "stop").put("ignore_case", false)
        .putArray("stopwords").add(GAP);
    analysis.with("filter").putObject(TERMS_ANALYZER + "_alternatives").put("type", "pattern_capture")
        .put("preserve_original", false).putArray("patterns").add("([^|]+)");
    ObjectNode analyzer = analysis.with("analyzer").putObject(TERMS_ANALYZER);
    analyzer.put("type", "custom").put("tokenizer", TERMS_ANALYZER + "_tokenizer");
    analyzer.putArray("filter").add(TERMS_ANALYZER + "_gaps").add(TERMS_ANALYZER + "_alternatives");
  }

  /** The analyzer of query terms as Steppe sends them (see {@link #addTermsAnalyzer}). */
  public static final String TERMS_ANALYZER = "steppe_terms";
  /** Stands for an empty position in a phrase sent to {@value #TERMS_ANALYZER}. */
  static final String GAP = "\u0000";

  /** Every field, typed as {@code index.DocumentBuilder} indexes it. */
  static ObjectNode mappings() {
    ObjectNode mappings = JSON.createObjectNode();
    mappings.put("dynamic", "strict"); // a misspelt field name fails loudly instead of growing the mapping
    mappings.putObject("_routing").put("required", true);
    ObjectNode p = mappings.putObject("properties");
    for (String f : new String[] {Fields.KIND, Fields.ID, Fields.ARTICLE_ID, Fields.FINGERPRINT, Fields.ORIGIN, Fields.QUOTE_KIND,
        Fields.ENTITY_TYPE, Fields.ENTITY_TYPED, Fields.SOURCE_EXACT, Fields.ENTITY_EXACT, Fields.SPEAKER_EXACT, Fields.ABOUT,
        Fields.QUOTE_BANDS}) {
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
    for (String f : new String[] {Fields.FILE, Fields.URL, Fields.ARTICLE_TITLE, Fields.ENRICHMENT, Fields.SPEAKER_MENTION}) {
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
        .put("search_analyzer", TERMS_ANALYZER)
        // The values of a field with several (entities, speakers) follow each other without a gap, as in the embedded index.
        .put("position_increment_gap", 0);
  }
}
