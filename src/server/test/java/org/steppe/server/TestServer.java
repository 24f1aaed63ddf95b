package org.steppe.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.steppe.SeedCorpus;
import org.steppe.search.IndexProgress;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeSearch;
import org.steppe.search.WritableSteppe;

/** A real server on a free port over a corpus indexed into a temporary folder, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
  static final Path SEED_CORPUS = Path.of("corpus");
  static final ObjectMapper JSON = new ObjectMapper();

  final SteppeSearch steppe;
  final Javalin app;
  final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(SteppeSearch steppe, Javalin app) {
    this.steppe = steppe;
    this.app = app;
    this.base = "http://127.0.0.1:" + app.port();
  }

  /** Indexes {@code corpus} into {@code work}/index and serves it on a free port of 127.0.0.1. */
  static TestServer start(Path corpus, Path work) throws IOException {
    WritableSteppe steppe = Steppe.openWritable(work.resolve("index"), SeedCorpus.STEPPE_CONFIG);
    steppe.indexCorpus(corpus, IndexProgress.NONE);
    return over(steppe);
  }

  /** Serves {@code steppe} (either engine) on a free port of 127.0.0.1; closing the server closes it. */
  static TestServer over(SteppeSearch steppe) {
    return new TestServer(steppe, SteppeServer.create(steppe).start("127.0.0.1", 0));
  }

  /** A corpus folder under {@code work}: the seed articles (when asked) plus the given files (relative path to text). */
  static Path corpus(Path work, boolean withSeed, Map<String, String> files) throws IOException {
    Path dir = work.resolve("corpus");
    Files.createDirectories(dir);
    if (withSeed) {
      try (Stream<Path> seed = Files.list(SEED_CORPUS)) {
        for (Path p : seed.toList()) {
          Files.copy(p, dir.resolve(p.getFileName().toString()));
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(20)).GET().build());
  }

  /** A POST of {@code body} as JSON. */
  HttpResponse<String> post(String pathAndQuery, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON body of a GET that must answer {@code status}. */
  JsonNode json(String pathAndQuery, int status) {
    HttpResponse<String> r = get(pathAndQuery);
    if (r.statusCode() != status) {
      throw new AssertionError("GET " + pathAndQuery + ": expected " + status + " but got " + r.statusCode() + ": " + r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("GET " + pathAndQuery + ": not JSON: " + r.body(), e);
    }
  }

  JsonNode json(String pathAndQuery) {
    return json(pathAndQuery, 200);
  }

  @Override
  public void close() throws IOException {
    app.stop();
    steppe.close();
  }
}
