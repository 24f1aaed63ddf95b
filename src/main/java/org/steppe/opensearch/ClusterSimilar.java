package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.steppe.index.Fields;
import org.steppe.index.StoredEnrichment;
import org.steppe.search.EngineSupport;

/**
 * More-like-this on a cluster, set as the embedded engine sets Lucene's: each field compared on
 * its own with its weight (title, body words, whole entity names), one occurrence enough to count,
 * a term in at least two articles, the most telling terms weighted by how telling they are, stop
 * words never matched, and never the article itself.
 */
final class ClusterSimilar {
  private final String index;
  private final EngineSupport.Reading reading;

  ClusterSimilar(String index, EngineSupport.Reading reading) {
    this.index = index;
    this.reading = reading;
  }

  /** The query for articles like the stored article {@code doc} ({@code _source}). */
  ObjectNode query(JsonNode doc) {
    var stored = ClusterHits.stored(doc);
    String id = stored.apply(Fields.ID);
    // The publication an article credits ("…, Tengrinews reports") says who wrote it, not what it is about.
    String source = stored.apply(Fields.SOURCE);
    List<String> entities = new ArrayList<>();
    StoredEnrichment.fromJson(stored.apply(Fields.ENRICHMENT)).entities().stream()
        .map(StoredEnrichment.StoredEntity::name).filter(n -> !n.equals(source)).forEach(entities::add);

    ObjectNode out = Cluster.JSON.createObjectNode();
    ObjectNode bool = out.putObject("bool");
    ObjectNode shared = bool.putArray("must").addObject().putObject("bool");
    ArrayNode should = shared.putArray("should");
    for (Map.Entry<String, Float> field : reading.similarFields().entrySet()) {
      ObjectNode mlt = Cluster.JSON.createObjectNode();
      ObjectNode params = mlt.putObject("more_like_this");
      params.putArray("fields").add(field.getKey());
      ArrayNode like = params.putArray("like");
      if (field.getKey().equals(Fields.ENTITY_EXACT)) {
        if (entities.isEmpty()) {
          continue;
        }
        ObjectNode artificial = like.addObject().put("_index", index).put("routing", id); // the index requires routing, even here
        ArrayNode names = artificial.putObject("doc").putArray(Fields.ENTITY_EXACT);
        entities.forEach(names::add);
      } else {
        // The stored document itself: the cluster analyses its text with the field's index chain.
        like.addObject().put("_index", index).put("_id", id).put("routing", id);
      }
      params.put("min_term_freq", 1).put("min_doc_freq", 2).put("max_query_terms", reading.similarTerms())
          .put("boost_terms", 1).put("minimum_should_match", "1").put("include", false);
      ArrayNode stop = params.putArray("stop_words");
      new TreeSet<>(reading.similarStopTerms()).forEach(stop::add);
      ObjectNode boosted = should.addObject().putObject("bool");
      boosted.putArray("must").add(mlt);
      boosted.put("boost", field.getValue());
    }
    shared.put("minimum_should_match", 1);
    if (should.isEmpty()) {
      return Filters.term(Fields.ID, "\u0000no article"); // nothing it shares with another article
    }
    bool.putArray("filter").add(Filters.term(Fields.KIND, Fields.KIND_ARTICLE));
    bool.putArray("must_not").add(Filters.term(Fields.ID, id));
    return out;
  }
}
