package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steppe.index.Fields;
import org.steppe.engine.EngineSupport;
import org.steppe.search.EntityType;
import org.steppe.search.Suggestion;

/**
 * Every entity name and speaker a cluster's index holds, with the number of articles that mention
 * (or quote) them: what name suggestions are built from. Read page by page with a composite
 * aggregation, so no name is left out however many there are.
 */
final class ClusterNames implements EngineSupport.NameSource {
  /** How often suggestions are rebuilt from the cluster when this process has not committed. */
  static final long REFRESH_MILLIS = 60_000;
  private static final int PAGE = 5_000;

  private final ClusterIndex index;

  ClusterNames(ClusterIndex index) {
    this.index = index;
  }

  @Override
  public List<EngineSupport.NameCount> names() throws IOException {
    Map<EntityType, List<EngineSupport.NameCount>> byType = new LinkedHashMap<>();
    for (EntityType t : EntityType.values()) {
      byType.put(t, new ArrayList<>());
    }
    for (Map.Entry<String, Long> e : counts(Fields.ENTITY_TYPED).entrySet()) {
      int slash = e.getKey().indexOf('/');
      EntityType type = slash < 0 ? null : EntityType.parse(e.getKey().substring(0, slash));
      if (type != null) {
        byType.get(type).add(new EngineSupport.NameCount(e.getKey().substring(slash + 1), Suggestion.Kind.of(type), e.getValue()));
      }
    }
    List<EngineSupport.NameCount> out = new ArrayList<>();
    byType.values().forEach(out::addAll);
    counts(Fields.SPEAKER_EXACT).forEach((name, n) -> out.add(new EngineSupport.NameCount(name, Suggestion.Kind.SPEAKER, n)));
    return out;
  }

  private volatile long speakersVersion = -1;
  private volatile List<String> speakers = List.of();

  /**
   * Every speaker value the index holds, in term order, as of {@code version} (read again when it changes):
   * what a speaker's spellings are found among.
   */
  List<String> speakerValues(long version) throws IOException {
    if (version != speakersVersion) {
      speakers = List.copyOf(counts(Fields.SPEAKER_EXACT, null).keySet());
      speakersVersion = version;
    }
    return speakers;
  }

  /**
   * The names the index holds, for the "about" filter: every value of a field over all documents
   * with its document count, in term order, and which are persons' (read once per use).
   */
  EngineSupport.IndexedNames indexed() {
    return new EngineSupport.IndexedNames() {
      private java.util.Set<String> persons;

      @Override
      public void forEach(String field, EngineSupport.NameVisitor visit) throws IOException {
        for (Map.Entry<String, Long> e : counts(field, null).entrySet()) {
          visit.accept(e.getKey(), (int) Math.min(Integer.MAX_VALUE, e.getValue()));
        }
      }

      @Override
      public boolean isPerson(String name) throws IOException {
        if (persons == null) {
          persons = new java.util.HashSet<>();
          for (String typed : counts(Fields.ENTITY_TYPED, null).keySet()) {
            if (typed.startsWith("person/")) {
              persons.add(typed.substring("person/".length()));
            }
          }
        }
        return persons.contains(name);
      }
    };
  }

  /** Every value of a keyword field over article documents, with its article count. */
  private Map<String, Long> counts(String field) throws IOException {
    return counts(field, Fields.KIND_ARTICLE);
  }

  /** Every value of a keyword field over the documents of {@code kind} ({@code null}: all), in term order, with its document count. */
  private Map<String, Long> counts(String field, String kind) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = Cluster.JSON.createObjectNode().put("size", 0);
      if (kind == null) {
        body.putObject("query").putObject("match_all");
      } else {
        body.putObject("query").putObject("term").put(Fields.KIND, kind);
      }
      ObjectNode composite = body.putObject("aggs").putObject("names").putObject("composite").put("size", PAGE);
      composite.putArray("sources").addObject().putObject("v").putObject("terms").put("field", field);
      if (after != null) {
        composite.set("after", after);
      }
      JsonNode agg = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search", body, ClusterIndex.PATIENCE)
          .path("aggregations").path("names");
      for (JsonNode b : agg.path("buckets")) {
        out.put(b.path("key").path("v").asText(), b.path("doc_count").asLong());
      }
      if (agg.path("buckets").size() < PAGE || !agg.has("after_key")) {
        return out;
      }
      after = agg.path("after_key");
    }
  }
}
