package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;
import org.steppe.search.ArticleInput;
import org.steppe.engine.EngineSupport;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.RemovalLimit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeWriter;

/**
 * Steppe's index on a cluster opened for searching and writing: the embedded engine's writer API,
 * with the same enrichment running in Steppe and the articles and quotes bulk-indexed into the
 * cluster. Searches see what was committed ({@link #commit}, or the end of
 * {@link #indexCorpus}); the index refreshes on commit only.
 *
 * <p>Unlike the embedded index, a cluster keeps what was sent: closing without a commit leaves
 * what was already sent in the index, unseen until the next commit. Thread-safe.
 */
public final class WritableOpenSearchSteppe extends OpenSearchSteppe implements SteppeWriter {
  /** Primary shards and replicas of a new index, unless told otherwise. */
  public static final int DEFAULT_SHARDS = 1;
  public static final int DEFAULT_REPLICAS = 1;

  private final ClusterStore store;

  private WritableOpenSearchSteppe(ClusterIndex index, IndexSetup setup, ClusterStore store) {
    super(index, setup, true);
    this.store = store;
  }

  /**
   * Opens Steppe's index on a cluster for searching and writing, making it when it is missing.
   *
   * @param address the cluster
   * @param indexName the index ({@code steppe} by default)
   * @param config the configuration to enrich and analyse with
   * @param shards primary shards of a new index
   * @param replicas copies of each shard of a new index
   * @return the engine, to close after use
   * @throws ClusterException when the cluster cannot be reached or is not an OpenSearch Steppe works with
   * @throws org.steppe.search.ConfigurationException when the index was built with other analysis than {@code config}'s
   */
  public static WritableOpenSearchSteppe openWritable(ClusterAddress address, String indexName, SteppeConfig config,
      int shards, int replicas) throws IOException {
    return openWritable(address, indexName, config, shards, replicas, BulkWriter.DEFAULT_MAX_BYTES, BulkWriter.Backoff.DEFAULT);
  }

  /** As {@link #openWritable(ClusterAddress, String, SteppeConfig, int, int)}, with the bulk requests' size and retries. */
  static WritableOpenSearchSteppe openWritable(ClusterAddress address, String indexName, SteppeConfig config,
      int shards, int replicas, int bulkBytes, BulkWriter.Backoff backoff) throws IOException {
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException("an index needs at least one shard and no fewer than 0 replicas, not "
          + shards + " and " + replicas);
    }
    Connection connection = Connection.open(address);
    try {
      ClusterIndex index = new ClusterIndex(new Cluster(connection), indexName);
      IndexSetup setup = EngineSupport.setup(config);
      index.checkCluster();
      if (!index.exists()) {
        index.create(setup, shards, replicas);
      }
      index.check(setup);
      return new WritableOpenSearchSteppe(index, setup, new ClusterStore(index, setup, bulkBytes, backoff));
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void put(ArticleInput article) throws IOException {
    store.write(EngineSupport.enrich(setup, article), Fields.ORIGIN_CODE);
  }

  @Override
  public void delete(String id) throws IOException {
    store.delete(id);
  }

  /** Deletes the matching articles; what was put since the last commit is committed first, so it is seen. */
  @Override
  public long deleteByQuery(SearchRequest request) throws IOException {
    commit();
    SearchRequest all = request.withPage(0, SearchRequest.MAX_SIZE).withCursor(null).withStrict(true); // deletes read strictly, as the embedded writer reads them
    ObjectNode body = Cluster.JSON.createObjectNode().put("size", 1_000);
    body.set("query", filters(all, false).everything(translated(reading.text(all, false).query())));
    body.putArray("sort").addObject().put(Fields.ID, "asc");
    body.putObject("_source").putArray("includes").add(Fields.ID);
    Set<String> ids = new LinkedHashSet<>();
    JsonNode after = null;
    while (true) {
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search", body, ClusterIndex.PATIENCE)
          .path("hits").path("hits");
      hits.forEach(h -> ids.add(h.path("_source").path(Fields.ID).asText()));
      if (hits.size() < 1_000) {
        break;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
    for (String id : ids) {
      store.delete(id);
    }
    return ids.size();
  }

  /** Deletes every article and quote; unlike the embedded index, at once rather than at the next commit. */
  @Override
  public void deleteAll() throws IOException {
    store.deleteAll();
    generation.incrementAndGet();
  }

  @Override
  public IndexSummary indexCorpus(Path corpus, IndexProgress progress, RemovalLimit limit) throws IOException {
    try {
      return EngineSupport.syncCorpus(store, corpus, progress, limit);
    } finally {
      generation.incrementAndGet();
    }
  }

  @Override
  public void commit() throws IOException {
    store.commit(Map.of());
    generation.incrementAndGet();
  }

  /** What the bulk writer has sent: actions, requests, retries and bytes. */
  public BulkWriter.Stats bulkStats() {
    return store.stats();
  }
}
