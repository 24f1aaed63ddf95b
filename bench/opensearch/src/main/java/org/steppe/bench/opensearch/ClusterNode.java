package org.steppe.bench.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.codelibs.opensearch.runner.node.OpenSearchRunnerNode;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * Runs one node of a local OpenSearch cluster in this JVM until the process is told to stop.
 *
 * <p>Node 1 is the cluster manager (and holds data); the other nodes hold data only, so any of them
 * can be stopped while node 1 keeps the cluster going. Every address is on 127.0.0.1. Started by
 * {@code bench/opensearch-cluster.sh}; its arguments:
 *
 * <pre>
 * --data DIR --node K --nodes N --http-port P --transport-port T [--cluster-name NAME] [--owner-pid PID]
 * </pre>
 *
 * Node K listens on HTTP port P+K-1 and transport port T+K-1, keeps its files in DIR/node-K and
 * stops itself when process PID (the test run that owns the cluster) ends.
 */
public final class ClusterNode {
  /** The modules a Steppe index needs, loaded from the classpath as plugins (fewer modules, faster start). */
  private static final List<String> MODULES = List.of(
      "org.opensearch.transport.Netty4ModulePlugin", // HTTP and the transport between nodes
      "org.opensearch.analysis.common.CommonAnalysisModulePlugin", // synonym_graph, stemmers, ascii folding, ...
      "org.opensearch.index.mapper.MapperExtrasModulePlugin", // rank_feature, search_as_you_type, ...
      "org.opensearch.index.reindex.ReindexModulePlugin"); // _delete_by_query, _reindex

  private ClusterNode() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path data = Path.of(required(opts, "data")).toAbsolutePath();
    int node = Integer.parseInt(required(opts, "node"));
    int nodes = Integer.parseInt(required(opts, "nodes"));
    int httpPort = Integer.parseInt(required(opts, "http-port"));
    int transportPort = Integer.parseInt(required(opts, "transport-port"));
    String name = "node-" + node;

    Path home = data.resolve(name);
    Path config = home.resolve("config");
    Files.createDirectories(config);
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve("logs"));
    try (InputStream in = ClusterNode.class.getResourceAsStream("/log4j2.properties")) {
      Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
    }

    Settings.Builder s = Settings.builder()
        .put("cluster.name", opts.getOrDefault("cluster-name", "steppe"))
        .put("node.name", name)
        .put("path.home", home.toString())
        .put("path.data", home.resolve("data").toString())
        .put("path.logs", home.resolve("logs").toString())
        .put("network.host", "127.0.0.1")
        .put("http.port", httpPort + node - 1)
        .put("transport.port", transportPort + node - 1)
        // A test machine's disk may be fuller than the 85 % at which replicas would stay unassigned.
        .put("cluster.routing.allocation.disk.threshold_enabled", false);
    if (nodes == 1) {
      s.put("discovery.type", "single-node");
      s.putList("node.roles", "cluster_manager", "data", "ingest");
    } else {
      List<String> seeds = new ArrayList<>();
      for (int k = 0; k < nodes; k++) {
        seeds.add("127.0.0.1:" + (transportPort + k));
      }
      s.putList("discovery.seed_hosts", seeds);
      // One cluster-manager-eligible node: stopping any other node never costs the cluster its quorum.
      s.putList("cluster.initial_cluster_manager_nodes", "node-1");
      if (node == 1) {
        s.putList("node.roles", "cluster_manager", "data", "ingest");
      } else {
        s.putList("node.roles", "data", "ingest");
      }
    }

    Environment env = InternalSettingsPreparer.prepareEnvironment(s.build(), Collections.emptyMap(), config, () -> name);
    LogConfigurator.registerErrorListener();
    LogConfigurator.configure(env);
    Files.createDirectories(env.modulesDir());
    Files.createDirectories(env.pluginsDir());

    List<Class<? extends Plugin>> plugins = new ArrayList<>();
    for (String module : MODULES) {
      plugins.add(Class.forName(module).asSubclass(Plugin.class));
    }
    Node running = new OpenSearchRunnerNode(env, plugins);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      close(running, name);
      stopped.countDown();
    }, "stop-" + name));
    running.start();
    System.out.println("ClusterNode: " + name + " started, HTTP on 127.0.0.1:" + (httpPort + node - 1));

    String owner = opts.get("owner-pid");
    if (owner != null) {
      // A test run that dies without stopping its cluster must not leave nodes behind.
      ProcessHandle.of(Long.parseLong(owner)).ifPresentOrElse(
          p -> p.onExit().thenRun(() -> System.exit(0)),
          () -> System.exit(0));
    }
    stopped.await();
  }

  private static void close(Node node, String name) {
    try {
      node.close();
      if (!node.awaitClose(30, TimeUnit.SECONDS)) {
        System.err.println("ClusterNode: " + name + " did not close within 30 s");
      } else {
        System.out.println("ClusterNode: " + name + " closed");
      }
    } catch (IOException | InterruptedException e) {
      System.err.println("ClusterNode: closing " + name + " failed: " + e);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      opts.put(args[i].substring(2), args[i + 1]);
    }
    return opts;
  }

  private static String required(Map<String, String> opts, String key) {
    String v = opts.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + key);
    }
    return v;
  }
}
