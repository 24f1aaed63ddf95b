package org.steppe.server;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.steppe.SeedCorpus;
import org.steppe.opensearch.OpenSearchCluster;
import org.steppe.opensearch.WritableOpenSearchSteppe;
import org.steppe.search.IndexProgress;

/**
 * The search page in headless Chromium with an OpenSearch cluster as the engine: every check of
 * {@link PageTest} (searching, facets, dates, quotes, articles, repeats, hostile text, phone layout)
 * over the same corpus indexed into a 2-node cluster, so the page behaves the same on either backend.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
class OpenSearchPageTest extends PageTest {
  static final String INDEX = "page-test";

  /**
   * Runs after {@link PageTest#start()} (which made the corpus, an embedded server and the browser):
   * the same corpus is written to the cluster, and the page is served from there instead.
   */
  @BeforeAll
  static void serveFromTheCluster() throws IOException {
    server.close();
    WritableOpenSearchSteppe steppe = WritableOpenSearchSteppe.openWritable(OpenSearchCluster.current().address(), INDEX,
        SeedCorpus.STEPPE_CONFIG, OpenSearchCluster.SHARDS, OpenSearchCluster.REPLICAS);
    try {
      steppe.deleteAll(); // an index left by an earlier run on a cluster started by hand
      steppe.indexCorpus(work.resolve("corpus"), IndexProgress.NONE);
    } catch (IOException | RuntimeException e) {
      steppe.close();
      throw e;
    }
    server = TestServer.over(steppe);
  }
}
