package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.steppe.index.Fields;
import org.steppe.search.EntityFacetValue;
import org.steppe.search.EntityType;
import org.steppe.search.FacetValue;
import org.steppe.search.Facets;

/**
 * Facet counts as OpenSearch aggregations, counted as the embedded engine counts them: a dimension
 * the request filters on is counted without its own filter (multi-select), months and years are
 * date histograms, and entities are counted type by type.
 *
 * <p>Counts are exact. A terms aggregation counts on each shard and keeps each shard's top
 * {@code shard_size} values, so a value just outside one shard's list could be undercounted; the
 * answer says by how much at most ({@code doc_count_error_upper_bound}). Every aggregation asks for
 * a generous {@code shard_size}, and {@link #exact} tells the caller to count again with a larger
 * one whenever any bound is not zero, so the counts returned always have a bound of zero.
 */
final class ClusterFacets {
  /** Values per dimension, as the embedded engine returns (its top 50). */
  static final int SIZE = 50;
  /** The first shard size asked for; then 100 times more, then every value. */
  static final int FIRST_SHARD_SIZE = 1_000;

  private ClusterFacets() {}

  /** The next shard size to try after {@code shardSize} gave inexact counts. */
  static int larger(int shardSize) {
    return shardSize >= 100_000 ? Integer.MAX_VALUE : shardSize * 100;
  }

  /** The aggregations of every facet of a search with {@code filters}. */
  static ObjectNode aggregations(Filters filters, int shardSize) {
    ObjectNode aggs = Cluster.JSON.createObjectNode();
    terms(aggs, Fields.FACET_SOURCE, filters.without(Filters.SOURCE), Fields.SOURCE_EXACT, null, shardSize);
    terms(aggs, Fields.FACET_SPEAKER, filters.without(Filters.SPEAKER), Fields.SPEAKER_EXACT, null, shardSize);
    for (EntityType type : EntityType.values()) {
      terms(aggs, Fields.facetEntity(type.label()), filters.without(Filters.ENTITY), Fields.ENTITY_TYPED,
          type.label() + "/.*", shardSize); // labels are plain words: nothing in them is regular-expression syntax
    }
    histogram(aggs, Fields.FACET_MONTH, filters.without(null), "month", "yyyy-MM");
    histogram(aggs, Fields.FACET_YEAR, filters.without(null), "year", "yyyy");
    return aggs;
  }

  private static void terms(ObjectNode aggs, String name, ObjectNode filter, String field, String include, int shardSize) {
    ObjectNode dim = aggs.putObject(name);
    dim.set("filter", filter);
    ObjectNode terms = dim.putObject("aggs").putObject("values").putObject("terms");
    terms.put("field", field).put("size", SIZE).put("shard_size", shardSize);
    if (include != null) {
      terms.put("include", include);
    }
  }

  private static void histogram(ObjectNode aggs, String name, ObjectNode filter, String interval, String format) {
    ObjectNode dim = aggs.putObject(name);
    dim.set("filter", filter);
    dim.putObject("aggs").putObject("values").putObject("date_histogram")
        .put("field", Fields.DATE).put("calendar_interval", interval).put("format", format).put("min_doc_count", 1);
  }

  /** Whether every terms aggregation of the answer counted exactly (an error bound of zero). */
  static boolean exact(JsonNode aggregations) {
    for (JsonNode dim : aggregations) {
      if (dim.path("values").path("doc_count_error_upper_bound").asLong(0) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The counts of an answer, as the API names them. */
  static Facets read(JsonNode aggregations) {
    List<EntityFacetValue> entities = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      String prefix = type.label() + "/";
      for (FacetValue v : values(aggregations, Fields.facetEntity(type.label()))) {
        entities.add(new EntityFacetValue(v.value().substring(prefix.length()), type, v.count()));
      }
    }
    entities.sort(Comparator.comparingLong(EntityFacetValue::count).reversed().thenComparing(EntityFacetValue::value));
    return new Facets(values(aggregations, Fields.FACET_SOURCE), values(aggregations, Fields.FACET_SPEAKER), entities,
        values(aggregations, Fields.FACET_MONTH), values(aggregations, Fields.FACET_YEAR));
  }

  private static List<FacetValue> values(JsonNode aggregations, String name) {
    List<FacetValue> out = new ArrayList<>();
    for (JsonNode b : aggregations.path(name).path("values").path("buckets")) {
      out.add(new FacetValue(b.has("key_as_string") ? b.path("key_as_string").asText() : b.path("key").asText(), b.path("doc_count").asLong()));
    }
    return out;
  }
}
