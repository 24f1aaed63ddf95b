package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.opensearch.OpenSearchCluster;

/**
 * {@code steppe index --opensearch URL} and {@code steppe serve --opensearch URL} against a real
 * 2-node cluster: the first run indexes the corpus, a second changes nothing, an edited and a
 * removed file are synced; serve answers the page and the API from the cluster; an unreachable
 * cluster and a flag that does not apply get clear answers.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
class OpenSearchCommandsTest {
  static final String INDEX = "cli-test";
  @TempDir Path work;

  /** A command's exit code and what it printed. */
  record Run(int exit, String out, String err) {}

  private static Run steppe(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path seeds() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    try (Stream<Path> files = Files.list(Path.of("corpus"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(p, corpus.resolve(p.getFileName()));
      }
    }
    return corpus;
  }

  @Test
  void indexAndServeWorkOnTheCluster(OpenSearchCluster.Running cluster) throws Exception {
    String url = cluster.urls().get(0) + "," + cluster.urls().get(1);
    Path corpus = seeds();
    List<Path> files;
    try (Stream<Path> s = Files.list(corpus)) {
      files = s.sorted().toList();
    }
    int n = files.size();
    String[] index = {"index", "--opensearch", url, "--opensearch-index", INDEX, "--opensearch-shards", "2", "--corpus", corpus.toString()};

    Run first = steppe(index);
    assertEquals(0, first.exit(), first.err());
    assertTrue(first.out().contains("Indexed " + n + " articles from " + n + " files"), first.out());
    assertTrue(first.out().contains(n + " added, 0 updated, 0 unchanged, 0 removed"), first.out());
    assertTrue(first.out().matches("(?s).*Sent \\d+ documents and deletions to .* in \\d+ bulk requests.*"), first.out());

    Run again = steppe(index);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().contains("0 added, 0 updated, " + n + " unchanged, 0 removed"), again.out());

    Files.writeString(files.get(0), Files.readString(files.get(0)) + "\nA closing line added by the test.\n");
    Files.delete(files.get(1));
    Run sync = steppe(index);
    assertEquals(0, sync.exit(), sync.err());
    assertTrue(sync.out().contains("0 added, 1 updated, " + (n - 2) + " unchanged, 1 removed"), sync.out());

    Run search = steppe("search", "--opensearch", url, "--opensearch-index", INDEX, "Nazarbayev");
    assertEquals(0, search.exit(), search.err());
    assertTrue(search.out().contains("Nazarbayev") || search.out().contains("Nazarbaev"), search.out());

    // serve: no change to sync, then the page and the API from the cluster.
    StringWriter out = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    // serve runs until the JVM stops (its shutdown hook then closes server and cluster connection): a daemon thread.
    Thread serving = new Thread(() -> cli.execute("serve", "--opensearch", url, "--opensearch-index", INDEX,
        "--corpus", corpus.toString(), "--port", "0"), "serve-on-cluster");
    serving.setDaemon(true);
    serving.start();
    Matcher m = Pattern.compile("serving " + (n - 1) + " articles on http://localhost:(\\d+)/").matcher("");
    for (int i = 0; i < 600 && !m.find(); i++) {
      Thread.sleep(100);
      assertTrue(serving.isAlive(), "serve stopped early: " + out);
      m.reset(out.toString());
    }
    assertTrue(out.toString().contains((n - 1) + " unchanged, 0 removed"), out.toString());
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + m.group(1);
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<html"), page.body());
    HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=Nazarbayev")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, api.statusCode(), api.body());
    JsonNode answer = new ObjectMapper().readTree(api.body());
    assertTrue(answer.path("total").asLong() > 0 && answer.path("hits").size() > 0, api.body());
    assertTrue(answer.path("facets").path("source").size() > 0, api.body());
    HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(n - 1, new ObjectMapper().readTree(stats.body()).path("articles").asInt(), stats.body());
  }

  @Test
  void anUnreachableClusterIsAClearErrorAndWatchIsRefused(OpenSearchCluster.Running cluster) throws Exception {
    Path corpus = seeds();
    Run down = steppe("index", "--opensearch", "http://127.0.0.1:1", "--corpus", corpus.toString());
    assertEquals(Errors.IO, down.exit(), down.out() + down.err());
    assertTrue(down.err().contains("127.0.0.1:1"), down.err());
    assertFalse(down.err().contains("Exception"), "one line for the user, no stack trace: " + down.err());

    Run secret = steppe("index", "--opensearch", "http://steppe:hunter2@127.0.0.1:1", "--corpus", corpus.toString());
    assertFalse(secret.out().contains("hunter2") || secret.err().contains("hunter2"), "credentials are never printed: " + secret.err());

    Run watch = steppe("index", "--opensearch", cluster.urls().get(0).toString(), "--watch", "--corpus", corpus.toString());
    assertEquals(2, watch.exit(), watch.err());
    assertTrue(watch.err().contains("--watch works with --index only"), watch.err());
  }
}
