package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.index.ArticleIndex;
import org.steppe.index.ArticleStore;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;
import org.steppe.ingest.Article;

/**
 * Steppe's index on a cluster as a corpus sync writes it: articles go out through one
 * {@link BulkWriter} (requests sized by bytes, retried with backoff), an article's documents in one
 * request where they fit, its fingerprint last; a commit sends what is buffered and refreshes.
 *
 * <p>A cluster applies writes as they come and cannot take them back ({@link #canDiscard} is
 * false), so the sync decides what it would remove before writing anything. A run interrupted
 * half way leaves every article either as it was, or written with its new fingerprint; one whose
 * quotes went out without its article document keeps its old fingerprint and is written again by
 * the next run. Ids are the embedded index's, so writing again never duplicates. Thread-safe.
 */
final class ClusterStore implements ArticleStore {
  private static final int PAGE = 5_000;

  private final ClusterIndex index;
  private final IndexSetup setup;
  private final BulkWriter writer;
  /** Quotes each article has in the index (or will have once the buffer is sent), where known. */
  private final Map<String, Integer> quoteCounts = new ConcurrentHashMap<>();
  /** Whether {@link #quoteCounts} holds every article in the index (during a sync): an unknown id is a new article. */
  private volatile boolean complete;

  ClusterStore(ClusterIndex index, IndexSetup setup, int maxBytes, BulkWriter.Backoff backoff) {
    this.index = index;
    this.setup = setup;
    this.writer = new BulkWriter(index.cluster().connection().client(), index.name(), maxBytes, backoff);
  }

  @Override
  public IndexSetup setup() {
    return setup;
  }

  @Override
  public String fingerprint(Article a) {
    return ArticleIndex.fingerprint(setup, a);
  }

  /** Every article in the index (what was put is committed first), walked page by page in id order. */
  @Override
  public Map<String, Stored> storedArticles() throws IOException {
    commit(Map.of());
    Map<String, Stored> out = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode body = Cluster.JSON.createObjectNode().put("size", PAGE);
      body.set("query", Filters.term(Fields.KIND, Fields.KIND_ARTICLE));
      body.putArray("sort").addObject().put(Fields.ID, "asc");
      ArrayNode fields = body.putObject("_source").putArray("includes");
      List.of(Fields.ID, Fields.FINGERPRINT, Fields.FILE, Fields.ORIGIN, Fields.QUOTE_COUNT).forEach(fields::add);
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = index.cluster().sendPatiently("POST", "/" + index.name() + "/_search", body, ClusterIndex.PATIENCE)
          .path("hits").path("hits");
      for (JsonNode h : hits) {
        JsonNode s = h.path("_source");
        String id = s.path(Fields.ID).asText();
        out.put(id, new Stored(s.path(Fields.FINGERPRINT).asText(), s.path(Fields.FILE).asText(null),
            Fields.ORIGIN_CODE.equals(s.path(Fields.ORIGIN).asText())));
        quoteCounts.put(id, s.path(Fields.QUOTE_COUNT).asInt());
      }
      if (hits.size() < PAGE) {
        complete = true;
        return out;
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }

  @Override
  public EnrichedArticle put(Article article) throws IOException {
    EnrichedArticle e = setup.enricher().enrich(article);
    write(e, Fields.ORIGIN_CORPUS);
    return e;
  }

  /** Adds an enriched article, replacing any article with the same id and deleting the quotes it no longer has. */
  void write(EnrichedArticle e, String origin) throws IOException {
    String id = e.article().id();
    synchronized (writer) {
      writer.add(ArticleDocuments.of(e, fingerprint(e.article()), quotesOf(id), origin));
      quoteCounts.put(id, e.quotes().size());
    }
  }

  @Override
  public void delete(String articleId) throws IOException {
    synchronized (writer) {
      writer.add(ArticleDocuments.delete(articleId, quotesOf(articleId)));
      quoteCounts.put(articleId, 0);
    }
  }

  /** How many quotes the index holds for an article: known from the walk or an earlier write, else read from its document. */
  private int quotesOf(String id) throws IOException {
    Integer known = quoteCounts.get(id);
    if (known != null || complete) {
      return known == null ? 0 : known;
    }
    // Realtime: sees what was sent and not yet refreshed.
    String path = "/" + index.name() + "/_doc/" + Cluster.encode(id) + "?routing=" + Cluster.encode(id) + "&_source_includes=" + Fields.QUOTE_COUNT;
    JsonNode doc = index.cluster().sendAllowing("GET", path, null, 404);
    return doc == null ? 0 : doc.path("_source").path(Fields.QUOTE_COUNT).asInt(0);
  }

  /** Removes every article and quote, at once. */
  void deleteAll() throws IOException {
    synchronized (writer) {
      writer.flush();
      index.cluster().send("POST", "/" + index.name() + "/_delete_by_query?conflicts=proceed&refresh=true",
          Map.of("query", Map.of("match_all", Map.of())));
      quoteCounts.clear();
    }
  }

  @Override
  public boolean canDiscard() {
    return false;
  }

  @Override
  public void discardChanges() {
    throw new UnsupportedOperationException("a cluster cannot take back writes; the sync checks before writing");
  }

  /** Sends what is buffered, waits until the cluster has taken it, and makes it visible. */
  @Override
  public void commit(Map<String, String> data) throws IOException {
    synchronized (writer) {
      writer.flush();
      index.refresh();
    }
    complete = false;
  }

  /** What the bulk writer has sent so far. */
  BulkWriter.Stats stats() {
    synchronized (writer) {
      return writer.stats();
    }
  }
}
