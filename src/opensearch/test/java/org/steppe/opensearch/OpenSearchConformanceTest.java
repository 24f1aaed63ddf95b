package org.steppe.opensearch;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steppe.conformance.SearchConformance;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;

/**
 * Steppe on OpenSearch passes the conformance suite of the read seam: the seeds and a Reuters slice
 * indexed by {@code indexCorpus} into a 2-node cluster (2 primary shards, 1 replica each), then
 * searched through a read-only engine, as {@code steppe serve --opensearch} opens it.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
class OpenSearchConformanceTest extends SearchConformance {
  static final String INDEX = "conformance";

  @Override
  protected SteppeSearch openOver(Path corpus, SteppeConfig config, Path scratch) throws IOException {
    OpenSearchCluster.Running cluster = OpenSearchCluster.current();
    try (Connection c = cluster.connect()) {
      new Rest(c).deleteIndex(INDEX);
    }
    try (WritableOpenSearchSteppe writer = WritableOpenSearchSteppe.openWritable(cluster.address(), INDEX, config,
        OpenSearchCluster.SHARDS, OpenSearchCluster.REPLICAS)) {
      writer.indexCorpus(corpus, null);
    }
    return OpenSearchSteppe.open(cluster.address(), INDEX, config);
  }

  @AfterAll
  void dropTheIndex() throws IOException {
    try (Connection c = OpenSearchCluster.current().connect()) {
      new Rest(c).deleteIndex(INDEX);
    }
  }
}
