package org.steppe.cli;

import java.io.IOException;
import org.steppe.opensearch.ClusterAddress;
import org.steppe.opensearch.OpenSearchSteppe;
import org.steppe.opensearch.WritableOpenSearchSteppe;
import org.steppe.search.SteppeConfig;
import picocli.CommandLine.Option;

/** Where the index lives when it is on an OpenSearch cluster instead of in a folder. */
final class OpenSearchOptions {
  @Option(names = "--opensearch", paramLabel = "URL",
      description = "Use the index on this OpenSearch cluster instead of --index: one node's URL or several separated by "
          + "commas (http://localhost:9200); credentials in the URL (https://user:password@host:9200) or in "
          + ClusterAddress.USER + " and " + ClusterAddress.PASSWORD + "; certificates to trust in " + ClusterAddress.CA
          + " (PEM) or " + ClusterAddress.TRUSTSTORE + ".")
  String url;

  @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = "steppe",
      description = "The index's name on the cluster (default: ${DEFAULT-VALUE}).")
  String index;

  @Option(names = "--opensearch-shards", paramLabel = "N", defaultValue = "" + WritableOpenSearchSteppe.DEFAULT_SHARDS,
      description = "Primary shards of an index made by this run (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--opensearch-replicas", paramLabel = "N", defaultValue = "" + WritableOpenSearchSteppe.DEFAULT_REPLICAS,
      description = "Copies of each shard of an index made by this run (default: ${DEFAULT-VALUE}).")
  int replicas;

  /** Whether the index is on a cluster. */
  boolean enabled() {
    return url != null;
  }

  OpenSearchSteppe openForSearch(SteppeConfig config) throws IOException {
    return OpenSearchSteppe.open(address(), index, config);
  }

  WritableOpenSearchSteppe openWritable(SteppeConfig config) throws IOException {
    return WritableOpenSearchSteppe.openWritable(address(), index, config, shards, replicas);
  }

  private ClusterAddress address() {
    return ClusterAddress.parse(url, System.getenv());
  }
}
