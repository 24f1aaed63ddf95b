package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * JSON requests to one cluster through the official client's generic API, with its failures
 * turned into {@link ClusterException}s a person can act on. Thread-safe.
 */
final class Cluster {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;

  Cluster(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /** Where the cluster is, for messages (never with credentials). */
  String where() {
    return connection.address().toString();
  }

  /** Sends a request; an answer over 299 is a {@link ClusterException}. */
  JsonNode send(String method, String path, Object body) throws IOException {
    JsonNode answer = sendAllowing(method, path, body, -1);
    return answer;
  }

  /** Sends a request; {@code allowed} (e.g. 404) comes back as {@code null} instead of an exception. */
  JsonNode sendAllowing(String method, String path, Object body, int allowed) throws IOException {
    var request = Requests.builder().method(method).endpoint(path);
    if (body != null) {
      request.body(Body.from(body instanceof byte[] b ? b : JSON.writeValueAsBytes(body), "application/json"));
    }
    String text;
    int status;
    try (Response r = connection.client().generic().execute(request.build())) {
      status = r.getStatus();
      text = r.getBody().map(Body::bodyAsString).orElse("");
    } catch (ResponseException e) {
      // The transport's way of reporting some statuses: a request line, then the answer's body.
      status = e.status();
      String m = String.valueOf(e.getMessage());
      text = m.indexOf('{') >= 0 ? m.substring(m.indexOf('{')) : m;
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ClusterException("OpenSearch at " + where() + " cannot be reached (" + reason(e)
          + "); is the cluster running, and is the URL right?", 0, e);
    }
    if (status == allowed) {
      return null;
    }
    if (status > 299) {
      throw refused(method, path, status, text);
    }
    return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
  }

  /**
   * Sends a read request, trying again while the cluster is unreachable or answers that it is busy
   * or missing shards (a node leaving, a replica being promoted), for at most {@code patience}.
   */
  JsonNode sendPatiently(String method, String path, Object body, Duration patience) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    long wait = 50;
    while (true) {
      try {
        return send(method, path, body);
      } catch (ClusterException e) {
        if (!e.transientFailure() || System.nanoTime() + wait * 1_000_000 > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for OpenSearch at " + where());
      }
      wait = Math.min(1000, wait * 2);
    }
  }

  /**
   * What the cluster answers while a node leaves: a shard copy that was on it cannot be reached,
   * and the next try goes to the copy that took over.
   */
  private static final java.util.Set<String> NODE_MISSING = java.util.Set.of("node_disconnected_exception",
      "node_not_connected_exception", "node_closed_exception", "connect_transport_exception", "no_shard_available_action_exception",
      "unavailable_shards_exception", "send_request_transport_exception", "receive_timeout_transport_exception");

  private ClusterException refused(String method, String path, int status, String text) {
    String detail = text;
    boolean nodeMissing = false;
    try {
      JsonNode error = JSON.readTree(text).path("error");
      for (JsonNode cause : error.path("root_cause")) {
        nodeMissing |= NODE_MISSING.contains(cause.path("type").asText());
      }
      if (error.isObject()) {
        JsonNode root = error.path("root_cause").path(0);
        JsonNode shown = root.isObject() && !root.path("reason").asText().isEmpty() ? root : error;
        detail = shown.path("type").asText() + ": " + shown.path("reason").asText();
        JsonNode caused = error.path("caused_by");
        if (caused.isObject() && !detail.contains(caused.path("reason").asText())) {
          detail += " (" + caused.path("type").asText() + ": " + caused.path("reason").asText() + ")";
        }
      } else if (error.isTextual()) {
        detail = error.asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the text as it came
    }
    if (detail.length() > 500) {
      detail = detail.substring(0, 500) + "…";
    }
    String what = switch (status) {
      case 401 -> "refused the credentials (HTTP 401); give them in the URL (https://user:password@host:9200) or in "
          + ClusterAddress.USER + " and " + ClusterAddress.PASSWORD;
      case 403 -> "refused access (HTTP 403): the user may not " + method + " " + path + ": " + detail;
      default -> "answered HTTP " + status + " to " + method + " " + path + ": " + detail;
    };
    return new ClusterException("OpenSearch at " + where() + " " + what, status, nodeMissing, null);
  }

  private static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    // The transport's own words ("Connect to … failed: Connection refused"); the class name only when it has none.
    return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
  }

  /** A path segment: document ids may hold slashes, '#' and spaces. */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
