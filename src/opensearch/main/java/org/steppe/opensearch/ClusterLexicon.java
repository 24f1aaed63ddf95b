package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.steppe.index.Fields;
import org.steppe.engine.EngineSupport;

/**
 * The words a cluster's index holds, as did-you-mean asks about them: whether a word is indexed,
 * the nearest indexed word (OpenSearch's term suggester, set as Lucene's direct spell checker is by
 * default), and how articles write it (read back from highlighted occurrences).
 */
final class ClusterLexicon implements EngineSupport.Lexicon {
  /** Where corrections come from, in the order the embedded engine tries them. */
  private static final List<String> FIELDS = List.of(Fields.BODY, Fields.TITLE, Fields.ENTITY);
  /** Fields whose text shows how a word is written. */
  private static final List<String> SPELLED_FIELDS = List.of(Fields.BODY, Fields.TITLE);
  private static final int SAMPLES = 8;

  private final ClusterIndex index;

  ClusterLexicon(ClusterIndex index) {
    this.index = index;
  }

  @Override
  public boolean knows(List<String> queryTokens) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", 0).put("track_total_hits", 1).put("terminate_after", 1);
    ArrayNode should = body.putObject("query").putObject("bool").putArray("should");
    for (String field : FIELDS) {
      should.add(Filters.terms(field, queryTokens));
    }
    return search(body).path("hits").path("total").path("value").asLong() > 0;
  }

  @Override
  public String nearest(String stem) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", 0);
    ObjectNode suggest = body.putObject("suggest");
    for (String field : FIELDS) {
      suggest.putObject(field).put("text", stem).putObject("term")
          .put("field", field)
          .put("analyzer", IndexDefinition.TERMS_ANALYZER)
          .put("suggest_mode", "missing")
          .put("size", 1)
          .put("sort", "score")
          .put("string_distance", "internal")
          .put("max_edits", 2)
          .put("prefix_length", 1)
          .put("min_word_length", 4)
          .put("max_inspections", 5)
          .put("accuracy", 0.5f)
          .put("min_doc_freq", 0)
          .put("max_term_freq", 0.01f);
    }
    JsonNode answer = search(body).path("suggest");
    String best = null;
    double bestScore = -1;
    long bestFreq = -1;
    for (String field : FIELDS) {
      JsonNode option = answer.path(field).path(0).path("options").path(0);
      if (option.isMissingNode()) {
        continue;
      }
      double score = option.path("score").asDouble();
      long freq = option.path("freq").asLong();
      if (best == null || score > bestScore || (score == bestScore && freq > bestFreq)) {
        best = option.path("text").asText();
        bestScore = score;
        bestFreq = freq;
      }
    }
    return best;
  }

  @Override
  public String writtenForm(String stem, String typed) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", SAMPLES);
    ArrayNode should = body.putObject("query").putObject("bool").putArray("should");
    ObjectNode fields = body.putObject("highlight").put("type", "unified").put("number_of_fragments", 3).put("fragment_size", 1)
        .putObject("fields");
    for (String field : SPELLED_FIELDS) {
      should.add(Filters.term(field, stem));
      fields.putObject(field);
    }
    // Marks no article writes (the cluster drops control characters as tags).
    ((ObjectNode) body.path("highlight")).putArray("pre_tags").add("\u27e6");
    ((ObjectNode) body.path("highlight")).putArray("post_tags").add("\u27e7");
    body.put("_source", false);
    String best = null;
    float bestScore = -1;
    for (JsonNode hit : search(body).path("hits").path("hits")) {
      for (String field : SPELLED_FIELDS) {
        for (JsonNode fragment : hit.path("highlight").path(field)) {
          String f = fragment.asText();
          for (int at = f.indexOf('\u27e6'); at >= 0; at = f.indexOf('\u27e6', at + 1)) {
            int end = f.indexOf('\u27e7', at);
            if (end < 0) {
              break;
            }
            String written = f.substring(at + 1, end);
            float score = EngineSupport.closeness(written, typed);
            if (score > bestScore) {
              best = EngineSupport.withoutPossessive(written);
              bestScore = score;
            }
          }
        }
      }
    }
    return best != null ? best : stem;
  }

  private JsonNode search(ObjectNode body) throws IOException {
    return index.cluster().sendPatiently("POST", "/" + index.name() + "/_search", body, ClusterIndex.PATIENCE);
  }
}
