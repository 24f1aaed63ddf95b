package org.steppe.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steppe.index.Fields;
import org.steppe.engine.EngineSupport;
import org.steppe.search.EntityType;
import org.steppe.search.SearchRequest;

/**
 * A request's filters as OpenSearch queries, split as multi-select facets need them: the kind,
 * entity types and dates narrow the search itself; the source, speaker and entity filters are
 * facet dimensions, applied to the hits after counting ({@code post_filter}) and to every other
 * dimension's counts, as the embedded engine's drill sideways does.
 */
final class Filters {
  /** The facet dimensions a filter can pin: source, speaker, entity. */
  static final String SOURCE = "source";
  static final String SPEAKER = "speaker";
  static final String ENTITY = "entity";

  private final List<ObjectNode> base = new ArrayList<>();
  private final Map<String, ObjectNode> dims = new LinkedHashMap<>();

  private Filters() {}

  /**
   * The filters of {@code request} for articles or quotes; speaker and entity names in any spelling
   * the gazetteer knows are read as the embedded engine reads them.
   *
   * @param about the request's "about" filter as resolved against the index, or {@code null}
   */
  static Filters of(SearchRequest request, boolean quotes, EngineSupport.Reading reading, ObjectNode about) {
    Filters f = new Filters();
    f.base.add(term(Fields.KIND, quotes ? Fields.KIND_QUOTE : Fields.KIND_ARTICLE));
    if (about != null) {
      f.base.add(about);
    }
    if (!request.entityTypes().isEmpty()) {
      f.base.add(terms(Fields.ENTITY_TYPE, request.entityTypes().stream().map(EntityType::label).toList()));
    }
    if (request.from() != null || request.to() != null) {
      ObjectNode range = Cluster.JSON.createObjectNode();
      ObjectNode bounds = range.putObject("range").putObject(Fields.DATE);
      if (request.from() != null) {
        bounds.put("gte", request.from().toString());
      }
      if (request.to() != null) {
        bounds.put("lte", request.to().toString());
      }
      bounds.put("format", "strict_date");
      f.base.add(range);
    }
    if (!request.sources().isEmpty()) {
      f.dims.put(SOURCE, terms(Fields.SOURCE_EXACT, request.sources()));
    }
    if (!request.speakers().isEmpty()) {
      f.dims.put(SPEAKER, terms(Fields.SPEAKER_EXACT, request.speakers().stream().map(reading::canonical).toList()));
    }
    if (!request.entities().isEmpty()) {
      // Each name as given and as its gazetteer canonical, under whatever type it was tagged with.
      Set<String> names = new LinkedHashSet<>();
      for (String typed : request.entities()) {
        names.add(typed.strip());
        names.add(reading.canonical(typed));
      }
      f.dims.put(ENTITY, terms(Fields.ENTITY_EXACT, List.copyOf(names)));
    }
    return f;
  }

  /** The search: the text to score, narrowed by the kind, entity types and dates. */
  ObjectNode query(ObjectNode text) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    ObjectNode bool = out.putObject("bool");
    bool.putArray("must").add(text);
    ArrayNode filter = bool.putArray("filter");
    base.forEach(filter::add);
    return out;
  }

  /** The search with every filter applied: what counts a query's hits in one number. */
  ObjectNode everything(ObjectNode text) {
    ObjectNode out = query(text);
    ArrayNode filter = (ArrayNode) out.path("bool").path("filter");
    dims.values().forEach(filter::add);
    return out;
  }

  /** The facet filters for the hits, or {@code null} when the request has none. */
  ObjectNode postFilter() {
    return dims.isEmpty() ? null : without(null);
  }

  /** Every facet filter but {@code dim}'s ({@code null}: all of them), as one filter. */
  ObjectNode without(String dim) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    ArrayNode filter = out.putObject("bool").putArray("filter");
    dims.forEach((d, q) -> {
      if (!d.equals(dim)) {
        filter.add(q);
      }
    });
    return out;
  }

  static ObjectNode term(String field, String value) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    out.putObject("term").put(field, value);
    return out;
  }

  static ObjectNode terms(String field, List<String> values) {
    ObjectNode out = Cluster.JSON.createObjectNode();
    ArrayNode list = out.putObject("terms").putArray(field);
    values.forEach(list::add);
    return out;
  }
}
