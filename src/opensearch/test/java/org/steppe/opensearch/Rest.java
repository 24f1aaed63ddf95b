package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** JSON requests to a test cluster through the official client's generic API; a status over 299 fails the test. */
record Rest(Connection connection) {
  static final ObjectMapper JSON = new ObjectMapper();

  JsonNode call(String method, String path, Object body) throws IOException {
    var request = Requests.builder().method(method).endpoint(path);
    if (body != null) {
      request.body(Body.from(JSON.writeValueAsBytes(body), "application/json"));
    }
    try (Response r = connection.client().generic().execute(request.build())) {
      String text = r.getBody().map(Body::bodyAsString).orElse("{}");
      if (r.getStatus() > 299) {
        throw new AssertionError(method + " " + path + " answered HTTP " + r.getStatus() + ": " + text);
      }
      return JSON.readTree(text);
    }
  }

  /** Creates {@code index} from a create-index body and waits until all its copies are allocated. */
  void createIndex(String index, JsonNode definition) throws IOException {
    call("PUT", "/" + index, definition);
    call("GET", "/_cluster/health/" + index + "?wait_for_status=green&timeout=60s", null);
  }

  void deleteIndex(String index) throws IOException {
    call("DELETE", "/" + index + "?ignore_unavailable=true", null);
  }
}
