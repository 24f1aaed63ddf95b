package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.steppe.index.Fields;
import org.steppe.search.SortOrder;

/**
 * Deep paging on a cluster: the sort values of a page's last hit, for {@code search_after}, and the
 * point in time the walk reads, as an opaque string. Every order ends on the document id, so the
 * order is total and a walk returns every hit once.
 *
 * @param sort the order the cursor was made for
 * @param after the last hit's sort values
 * @param pit the point in time of the walk, or {@code null} before one is opened
 */
record ClusterCursor(SortOrder sort, ArrayNode after, String pit) {
  /** How long a walk's point in time is kept between two pages. */
  static final String KEEP_ALIVE = "2m";

  /** The sort of a search body for {@code order}: relevance or date (undated last), then id. */
  static ArrayNode sortFor(SortOrder order) {
    ArrayNode sort = Cluster.JSON.createArrayNode();
    if (order == SortOrder.RELEVANCE) {
      sort.addObject().putObject("_score").put("order", "desc");
    } else {
      sort.addObject().putObject(Fields.DATE).put("order", order == SortOrder.NEWEST ? "desc" : "asc").put("missing", "_last");
    }
    sort.addObject().putObject(Fields.ID).put("order", "asc");
    return sort;
  }

  /** The cursor after {@code lastHit} (its {@code sort} values), in the walk of {@code pit}. */
  static String after(SortOrder sort, JsonNode lastHit, String pit) {
    ObjectNode raw = Cluster.JSON.createObjectNode();
    raw.put("o", sort.name());
    raw.set("a", lastHit.path("sort"));
    if (pit != null) {
      raw.put("p", pit);
    }
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Cluster.JSON.writeValueAsBytes(raw));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The cursor a request carries, or {@code null} for the first page.
   *
   * @throws IllegalArgumentException when it was not made by this engine, or for another order
   */
  static ClusterCursor decode(String cursor, SortOrder sort) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      JsonNode raw = Cluster.JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
      if (raw.path("o").asText().equals(sort.name()) && raw.path("a").isArray() && raw.path("a").size() == 2) {
        return new ClusterCursor(sort, (ArrayNode) raw.path("a"), raw.hasNonNull("p") ? raw.path("p").asText() : null);
      }
    } catch (IOException | IllegalArgumentException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("the cursor is not valid for this search; start again from the first page");
  }
}
