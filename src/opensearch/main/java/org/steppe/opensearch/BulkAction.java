package org.steppe.opensearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * One line pair of a {@code _bulk} request: index a document (its JSON already written) or
 * delete one, by id and routing.
 *
 * @param op what to do
 * @param id the document's {@code _id} (the same id as in the embedded index)
 * @param routing the shard key: the article's id, for the article and each of its quotes
 * @param source the document's JSON for {@link Op#INDEX}, {@code null} for {@link Op#DELETE}
 */
public record BulkAction(Op op, String id, String routing, byte[] source) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Index (create or replace) or delete. */
  public enum Op { INDEX, DELETE }

  public BulkAction {
    Objects.requireNonNull(op);
    Objects.requireNonNull(id);
    Objects.requireNonNull(routing);
    if ((op == Op.INDEX) != (source != null)) {
      throw new IllegalArgumentException("an index action needs a source, a delete none: " + id);
    }
  }

  static BulkAction index(String id, String routing, ObjectNode doc) {
    try {
      return new BulkAction(Op.INDEX, id, routing, JSON.writeValueAsBytes(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static BulkAction delete(String id, String routing) {
    return new BulkAction(Op.DELETE, id, routing, null);
  }

  /** The NDJSON lines of this action, each ending in a newline, as {@code _bulk} takes them. */
  byte[] ndjson() {
    ObjectNode meta = JSON.createObjectNode();
    meta.putObject(op == Op.INDEX ? "index" : "delete").put("_id", id).put("routing", routing);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(source == null ? 128 : source.length + 128);
      out.write(JSON.writeValueAsBytes(meta));
      out.write('\n');
      if (source != null) {
        out.write(source);
        out.write('\n');
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
