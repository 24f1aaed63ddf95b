package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.steppe.engine.EngineSupport;

/**
 * More-like-this on a cluster, made exactly as the embedded engine makes it: Steppe picks the
 * article's most telling terms with Lucene's MoreLikeThis (the same fields, weights, stop words and
 * limits), weighing them with the whole index's document frequencies, counted on the cluster in one
 * request; the cluster then runs the resulting query of weighted terms. (OpenSearch's own
 * {@code more_like_this} picks terms shard by shard, with each shard's counts.)
 */
final class ClusterSimilar {
  private final ClusterIndex index;
  private final EngineSupport.Reading reading;

  ClusterSimilar(ClusterIndex index, EngineSupport.Reading reading) {
    this.index = index;
    this.reading = reading;
  }

  /** The query for articles like the stored article {@code doc} ({@code _source}). */
  Query query(JsonNode doc) throws IOException {
    return reading.similarQuery(ClusterHits.stored(doc), this::counts);
  }

  /** How many documents have each field and hold each term: one filter aggregation per field and per term. */
  private EngineSupport.Counts counts(Set<String> fields, Set<Term> terms) throws IOException {
    List<String> byField = new ArrayList<>(fields);
    List<Term> byTerm = new ArrayList<>(terms);
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", 0);
    body.putObject("query").putObject("match_all");
    ObjectNode filters = body.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
    for (int i = 0; i < byField.size(); i++) {
      filters.putObject("f" + i).putObject("exists").put("field", byField.get(i));
    }
    for (int i = 0; i < byTerm.size(); i++) {
      filters.set("t" + i, Filters.term(byTerm.get(i).field(), byTerm.get(i).text()));
    }
    JsonNode buckets = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search", body, ClusterIndex.PATIENCE)
        .path("aggregations").path("df").path("buckets");
    Map<String, Integer> docCounts = new HashMap<>();
    for (int i = 0; i < byField.size(); i++) {
      docCounts.put(byField.get(i), buckets.path("f" + i).path("doc_count").asInt());
    }
    Map<Term, Integer> docFreqs = new HashMap<>();
    for (int i = 0; i < byTerm.size(); i++) {
      docFreqs.put(byTerm.get(i), buckets.path("t" + i).path("doc_count").asInt());
    }
    return new EngineSupport.Counts(docCounts, docFreqs);
  }
}
