package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Writes bulk actions to one OpenSearch index in requests of a bounded size in bytes, retrying
 * what the cluster pushes back.
 *
 * <p>A request is sent once the buffered actions reach {@code maxBytes} (an action larger than that
 * goes alone). Rejections that mean "later" — HTTP 429 or 503 for the whole request or for single
 * actions, or no answer at all — are retried with exponential backoff, only the rejected actions;
 * anything else (a malformed document, a missing index) fails at once with a {@link BulkException}
 * naming the documents. Not thread-safe: one writer per indexing run.
 */
public final class BulkWriter implements AutoCloseable {
  /** The default request size: large enough to amortise a round trip, small enough for a busy node. */
  public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How long to keep retrying: waits of {@code first}, doubling up to {@code max}, for at most
   * {@code attempts} sends of the same actions.
   */
  public record Backoff(Duration first, Duration max, int attempts) {
    /** About a minute and a half in all: a node restart, a long GC, a full write queue. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(15), 10);

    public Backoff {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
    }

    Duration wait(int attempt) {
      long ms = Math.min(max.toMillis(), first.toMillis() << Math.min(attempt, 20));
      return Duration.ofMillis(ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1)); // jitter: writers do not retry in step
    }
  }

  /** What a writer has done so far. */
  public record Stats(long actions, long requests, long retries, long bytes) {}

  private final OpenSearchClient client;
  private final String index;
  private final int maxBytes;
  private final Backoff backoff;
  private final List<BulkAction> pending = new ArrayList<>();
  private int pendingBytes;
  private long actions;
  private long requests;
  private long retries;
  private long bytes;

  public BulkWriter(OpenSearchClient client, String index, int maxBytes, Backoff backoff) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.client = client;
    this.index = index;
    this.maxBytes = maxBytes;
    this.backoff = backoff;
  }

  /**
   * Buffers actions in order, sending a request each time the buffer reaches the size limit. A
   * batch (one article's actions) goes into one request whenever it fits in one, so a request
   * refused for good never leaves an article half written by this call.
   */
  public void add(List<BulkAction> batch) throws IOException {
    int batchBytes = batch.stream().mapToInt(a -> a.ndjson().length).sum();
    if (!pending.isEmpty() && pendingBytes + batchBytes > maxBytes) {
      flush();
    }
    for (BulkAction a : batch) {
      int size = a.ndjson().length;
      if (!pending.isEmpty() && pendingBytes + size > maxBytes) {
        flush();
      }
      pending.add(a);
      pendingBytes += size;
    }
  }

  /** Sends whatever is buffered and waits until the cluster has taken all of it. */
  public void flush() throws IOException {
    List<BulkAction> todo = new ArrayList<>(pending);
    pending.clear();
    pendingBytes = 0;
    String last = "";
    for (int attempt = 0; !todo.isEmpty(); attempt++) {
      if (attempt > 0) {
        if (attempt >= backoff.attempts()) {
          throw new BulkException("OpenSearch index '" + index + "' still refused " + todo.size() + " action(s) after "
              + attempt + " attempts (last answer: " + last + "); first refused: " + todo.get(0).id(), List.of());
        }
        retries++;
        sleep(backoff.wait(attempt - 1));
      }
      Outcome outcome = send(todo);
      last = outcome.answer();
      if (!outcome.failed().isEmpty()) {
        throw new BulkException("OpenSearch index '" + index + "' rejected " + outcome.failed().size() + " document(s): "
            + String.join("; ", outcome.failed().stream().limit(5).toList()), outcome.failed());
      }
      actions += todo.size() - outcome.retry().size();
      todo = outcome.retry();
    }
  }

  /** What came of one request: actions to send again, refusals that are final, and the answer in words. */
  private record Outcome(List<BulkAction> retry, List<String> failed, String answer) {}

  private Outcome send(List<BulkAction> todo) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream(pendingBytes + 1024);
    for (BulkAction a : todo) {
      body.write(a.ndjson());
    }
    requests++;
    bytes += body.size();
    JsonNode answer;
    try (Response r = client.generic().execute(Requests.builder().method("POST").endpoint("/" + index + "/_bulk")
        .body(Body.from(body.toByteArray(), "application/x-ndjson")).build())) {
      String text = r.getBody().map(Body::bodyAsString).orElse("");
      if (r.getStatus() != 200) {
        return refused(r.getStatus(), text, todo);
      }
      answer = JSON.readTree(text);
    } catch (ResponseException e) { // the transport's way of reporting some statuses
      return refused(e.status(), String.valueOf(e.getMessage()), todo);
    } catch (BulkException e) {
      throw e;
    } catch (IOException e) {
      return new Outcome(todo, List.of(), "no answer: " + e.getMessage()); // every node down or unreachable: try again
    }
    if (!answer.path("errors").asBoolean(false)) {
      return new Outcome(List.of(), List.of(), "HTTP 200");
    }
    List<BulkAction> retry = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    JsonNode items = answer.path("items");
    for (int i = 0; i < todo.size(); i++) {
      JsonNode entry = items.path(i); // {"index": {...}} or {"delete": {...}}
      JsonNode item = entry.size() > 0 ? entry.elements().next() : null;
      int s = item == null ? 0 : item.path("status").asInt();
      BulkAction a = todo.get(i);
      if (s == 429 || s == 503) {
        retry.add(a);
      } else if (s >= 300 && !(s == 404 && a.op() == BulkAction.Op.DELETE)) { // deleting what is gone is fine
        JsonNode err = item == null ? null : item.path("error");
        failed.add(a.id() + ": " + (err == null ? "no answer for this action"
            : err.path("type").asText() + " (" + err.path("reason").asText() + ")"));
      }
    }
    return new Outcome(retry, failed, "HTTP 200 with " + retry.size() + " action(s) refused for now");
  }

  /** A whole request refused: 429 and 503 mean "later", anything else is final. */
  private Outcome refused(int status, String text, List<BulkAction> todo) throws BulkException {
    if (status == 429 || status == 503) {
      return new Outcome(todo, List.of(), "HTTP " + status + " " + excerpt(text));
    }
    throw new BulkException("OpenSearch refused a bulk request to index '" + index + "': HTTP " + status + " " + excerpt(text),
        List.of());
  }

  private static String excerpt(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to retry a bulk request");
    }
  }

  public Stats stats() {
    return new Stats(actions, requests, retries, bytes);
  }

  /** Sends what is still buffered. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
