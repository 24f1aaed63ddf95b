package org.steppe.bench.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until a local cluster is green with all its nodes, or says why it is not.
 *
 * <pre>
 * AwaitGreen URL NODES TIMEOUT_SECONDS PID_FILE...
 * </pre>
 *
 * Exit 0 when green; 1 when the time ran out (the last health answer, or the last connection
 * error, is printed); 2 as soon as a node's process has ended (it will never join).
 */
public final class AwaitGreen {
  private AwaitGreen() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int nodes = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
    List<Path> pidFiles = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      pidFiles.add(Path.of(args[i]));
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create(url + "/_cluster/health?wait_for_status=green&wait_for_nodes=" + nodes + "&timeout=1s");
    String last = "no answer yet";
    while (true) {
      for (Path pidFile : pidFiles) {
        if (!alive(pidFile)) {
          System.err.println("opensearch-cluster: " + pidFile.getParent().getFileName() + " has stopped (see "
              + pidFile.resolveSibling("node.log") + ")");
          System.exit(2);
        }
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        last = "HTTP " + r.statusCode() + ": " + r.body();
        if (r.statusCode() == 200 && r.body().contains("\"status\":\"green\"")) {
          return;
        }
      } catch (IOException e) {
        last = "no answer from " + url + " (" + e + ")";
        Thread.sleep(250);
      }
      if (System.nanoTime() > deadline) {
        System.err.println("opensearch-cluster: not green with " + nodes + " node(s) in time; last: " + last);
        System.exit(1);
      }
    }
  }

  private static boolean alive(Path pidFile) throws IOException {
    if (!Files.exists(pidFile)) {
      return false;
    }
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
