package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.steppe.index.AnalysisConfig;
import org.steppe.index.AnalysisPin;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;
import org.steppe.search.ConfigurationException;

/**
 * Steppe's index on a cluster: made from the configuration when missing, and checked when it is
 * there (an OpenSearch Steppe can use, an index Steppe made, the same index-time analysis).
 */
final class ClusterIndex {
  /** The oldest OpenSearch Steppe's queries run on: {@code combined_fields} arrived in 3.2. */
  static final int MIN_MAJOR = 3;
  static final int MIN_MINOR = 2;
  /** How long a search waits for a cluster that is busy or missing a node before it fails. */
  static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+).*");

  private final Cluster cluster;
  private final String name;

  ClusterIndex(Cluster cluster, String name) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9_.-]*") || name.length() > 200) {
      throw new IllegalArgumentException("'" + name + "' cannot name an OpenSearch index: use lower-case letters, digits, '-', '_' and '.'");
    }
    this.cluster = cluster;
    this.name = name;
  }

  String name() {
    return name;
  }

  Cluster cluster() {
    return cluster;
  }

  /** Checks that the cluster is an OpenSearch Steppe can work with. */
  void checkCluster() throws IOException {
    JsonNode info = cluster.sendPatiently("GET", "/", null, PATIENCE);
    String distribution = info.path("version").path("distribution").asText("");
    String number = info.path("version").path("number").asText("?");
    if (!distribution.equals("opensearch")) {
      throw new ClusterException("the server at " + cluster.where() + " is not OpenSearch (it says it is "
          + (distribution.isEmpty() ? "Elasticsearch" : distribution) + " " + number + "); Steppe needs OpenSearch "
          + MIN_MAJOR + "." + MIN_MINOR + " or newer", 0, null);
    }
    Matcher m = VERSION.matcher(number);
    if (!m.matches() || Integer.parseInt(m.group(1)) < MIN_MAJOR
        || (Integer.parseInt(m.group(1)) == MIN_MAJOR && Integer.parseInt(m.group(2)) < MIN_MINOR)) {
      throw new ClusterException("OpenSearch at " + cluster.where() + " is version " + number + "; Steppe needs "
          + MIN_MAJOR + "." + MIN_MINOR + " or newer", 0, null);
    }
  }

  boolean exists() throws IOException {
    return cluster.sendAllowing("GET", "/" + name + "/_mapping", null, 404) != null;
  }

  /** Creates the index from {@code setup}'s analysis, with the analysis pinned in the mapping's {@code _meta}. */
  void create(IndexSetup setup, int shards, int replicas) throws IOException {
    ObjectNode body = IndexDefinition.of(setup.config(), setup.enricher().gazetteer(), shards, replicas);
    ObjectNode meta = ((ObjectNode) body.path("mappings")).putObject("_meta").putObject("steppe");
    meta.put("schema", SCHEMA);
    AnalysisPin pin = setup.analysis().pin();
    meta.put("chain", pin.chain());
    meta.set("files", Cluster.JSON.valueToTree(new TreeMap<>(pin.files())));
    cluster.send("PUT", "/" + name, body);
    cluster.send("GET", "/_cluster/health/" + name + "?wait_for_status=yellow&timeout=60s", null);
  }

  /** The layout of Steppe's documents in the index; a different one needs a new index. */
  static final int SCHEMA = 2; // 2: quotes hold what they are about, their speaker's mention and their band keys

  /**
   * Checks that the index is Steppe's and was built with {@code setup}'s index-time analysis.
   *
   * @throws ClusterException when there is no index, or not one Steppe made
   * @throws ConfigurationException when it was built with another analysis
   */
  void check(IndexSetup setup) throws IOException {
    JsonNode mapping = cluster.sendAllowing("GET", "/" + name + "/_mapping", null, 404);
    if (mapping == null) {
      throw new ClusterException("OpenSearch at " + cluster.where() + " has no index '" + name
          + "'; make it with steppe index --opensearch " + cluster.where() + (name.equals("steppe") ? "" : " --opensearch-index " + name), 404, null);
    }
    JsonNode meta = mapping.elements().next().path("mappings").path("_meta").path("steppe");
    if (!meta.isObject() || meta.path("schema").asInt() != SCHEMA) {
      throw new ClusterException("the index '" + name + "' on OpenSearch at " + cluster.where() + " was not made by this version of Steppe; "
          + "give another name with --opensearch-index, or delete it", 0, null);
    }
    Map<String, String> files = new TreeMap<>();
    meta.path("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
    AnalysisPin built = new AnalysisPin(meta.path("chain").asText(), files);
    var difference = setup.analysis().pin().differenceFrom(built);
    if (difference.isPresent()) {
      String file = setup.config().describe(AnalysisConfig.FILE);
      throw new ConfigurationException(file, 0, file + ": the analysis differs from the index '" + name + "' on OpenSearch at "
          + cluster.where() + ": " + difference.get() + ". Re-index to change it (delete the index and index again).", null);
    }
  }

  /** Makes everything written so far visible to searches. */
  void refresh() throws IOException {
    cluster.sendPatiently("POST", "/" + name + "/_refresh", null, PATIENCE);
  }

  /** How many documents of one kind the index holds, as searches see it. */
  long count(String kind) throws IOException {
    JsonNode r = cluster.sendPatiently("POST", "/" + name + "/_count",
        Map.of("query", Map.of("term", Map.of(Fields.KIND, kind))), PATIENCE);
    return r.path("count").asLong();
  }
}
