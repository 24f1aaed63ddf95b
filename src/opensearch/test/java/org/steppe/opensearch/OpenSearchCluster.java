package org.steppe.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real 2-node OpenSearch cluster for the tests tagged {@code opensearch}: started once per test
 * run with {@code bench/opensearch-cluster.sh} (free ports, a folder under {@code target/}) and
 * stopped when the run ends; its nodes also stop themselves if this JVM dies first.
 *
 * <p>Test classes use {@code @ExtendWith(OpenSearchCluster.class)} and take a {@link Running}
 * parameter. When the cluster cannot be started for a reason outside the project (no JDK 21+ or
 * Maven on the machine, or Maven Central unreachable for the first download), every such test is
 * skipped with that reason; any other failure to start fails them, with the script's output.
 */
public final class OpenSearchCluster implements BeforeAllCallback, ParameterResolver {
  /** Nodes, and the index layout the tests create: 2 primaries with 1 replica each, one copy on each node. */
  public static final int NODES = 2;
  public static final int SHARDS = 2;
  public static final int REPLICAS = 1;

  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(OpenSearchCluster.class);
  private static final Path SCRIPT = Path.of("bench", "opensearch-cluster.sh");

  /**
   * A cluster already running (started by hand with {@code bench/opensearch-cluster.sh start --data DIR}),
   * to use instead of starting one: {@code -Dsteppe.opensearch.data=DIR}. It is left running at the end.
   */
  static final String EXISTING = "steppe.opensearch.data";

  private static volatile Running current;

  /** The cluster of this test run, once a test class with this extension has started it. */
  public static Running current() {
    if (current == null) {
      throw new IllegalStateException("no OpenSearch test cluster: extend the test class with OpenSearchCluster");
    }
    return current;
  }

  /** The started cluster: its nodes' URLs, and control over single nodes. */
  public record Running(List<URI> urls, Path data, long startMillis, boolean owned) implements AutoCloseable {
    /** A connection through every node, as an application would hold it. */
    public Connection connect() {
      return Connection.open(urls);
    }

    /** The cluster's address, as the engines take it. */
    public ClusterAddress address() {
      return ClusterAddress.of(urls);
    }

    /** Stops node {@code k} (1-based; node 1 is the cluster manager), cleanly or as a crash. */
    public void stopNode(int k, boolean kill) throws IOException {
      List<String> args = new ArrayList<>(List.of("stop-node", "--data", data.toString(), "--node", String.valueOf(k)));
      if (kill) {
        args.add("--kill");
      }
      Result r = run(args, 120);
      if (r.exit() != 0) {
        throw new IOException("stopping node " + k + " failed (exit " + r.exit() + "): " + r.stderr());
      }
    }

    /** Starts node {@code k} again and waits until the cluster is green. */
    public void startNode(int k) throws IOException {
      Result r = run(List.of("start-node", "--data", data.toString(), "--node", String.valueOf(k), "--timeout", "300"), 360);
      if (r.exit() != 0) {
        throw new IOException("starting node " + k + " failed (exit " + r.exit() + "): " + r.stderr());
      }
    }

    @Override
    public void close() throws IOException {
      if (!owned) {
        return;
      }
      Result r = run(List.of("stop", "--data", data.toString()), 180);
      if (r.exit() != 0) {
        throw new IOException("stopping the cluster failed (exit " + r.exit() + "): " + r.stderr());
      }
      delete(data);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Why the cluster is not there: skipped (outside the project) or failed. */
  private record NotStarted(boolean outside, String why) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    Object cluster = context.getRoot().getStore(NS).computeIfAbsent("cluster", k -> start(), Object.class);
    if (cluster instanceof Running r) {
      current = r;
    }
    if (cluster instanceof NotStarted n) {
      if (n.outside()) {
        Assumptions.abort("OpenSearch tests skipped: " + n.why());
      }
      throw new IllegalStateException("the OpenSearch test cluster did not start: " + n.why());
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Running.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NS).get("cluster", Running.class);
  }

  private static Object start() {
    String existing = System.getProperty(EXISTING);
    if (existing != null && !existing.isBlank()) {
      return attach(Path.of(existing));
    }
    try {
      Path data = Files.createDirectories(Path.of("target")).resolve("opensearch-it");
      if (Files.isDirectory(data)) {
        run(List.of("stop", "--data", data.toString()), 180); // a run killed before it could stop its cluster
        delete(data);
      }
      long t0 = System.nanoTime();
      Result r = run(List.of("start", "--nodes", String.valueOf(NODES), "--http-port", "0", "--data", data.toString(),
          "--timeout", "300", "--owner-pid", String.valueOf(ProcessHandle.current().pid())), 900);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      return switch (r.exit()) {
        case 0 -> {
          URI first = URI.create(r.stdout().strip().lines().reduce((a, b) -> b).orElseThrow());
          List<URI> urls = new ArrayList<>();
          for (int k = 0; k < NODES; k++) { // node K answers on the first node's port + K - 1
            urls.add(URI.create("http://" + first.getHost() + ":" + (first.getPort() + k)));
          }
          System.err.println("OpenSearchCluster: " + NODES + " nodes green at " + urls + " after " + millis + " ms");
          yield new Running(urls, data, millis, true);
        }
        case 3 -> new NotStarted(true, "no JDK 21+ with Maven on this machine: " + r.stderr());
        case 6 -> new NotStarted(true, "OpenSearch's artifacts cannot be downloaded from Maven Central: " + r.stderr());
        default -> new NotStarted(false, "bench/opensearch-cluster.sh start exited " + r.exit() + ":\n" + r.stderr());
      };
    } catch (IOException e) {
      return new NotStarted(false, e.toString());
    }
  }

  /** The running cluster in {@code data}: its nodes' URLs from the script's status. */
  private static Object attach(Path data) {
    try {
      Result r = run(List.of("status", "--data", data.toString()), 60);
      List<URI> urls = new ArrayList<>();
      for (String line : r.stdout().lines().toList()) {
        String[] parts = line.split("\\s+");
        if (parts.length >= 3 && parts[2].equals("running")) {
          urls.add(URI.create(parts[1]));
        }
      }
      if (r.exit() != 0 || urls.size() < NODES) {
        return new NotStarted(false, "-D" + EXISTING + "=" + data + ": no running " + NODES + "-node cluster there:\n" + r.stdout() + r.stderr());
      }
      return new Running(urls, data, 0, false);
    } catch (IOException e) {
      return new NotStarted(false, e.toString());
    }
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result run(List<String> args, int timeoutSeconds) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    CompletableFuture<String> out = read(p.getInputStream());
    CompletableFuture<String> err = read(p.getErrorStream());
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out.join(), "timed out after " + timeoutSeconds + " s\n" + err.join());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running " + command, e);
    }
    return new Result(p.exitValue(), out.join(), err.join());
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    });
  }
}
