package org.steppe.search;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;

/**
 * The results of searches already answered from one reader, so that the same request (the same
 * query, filters, page and order) asked again while the index has not changed is answered without
 * counting facets, reading hits and highlighting again: a news desk's popular queries, a page
 * reloaded, the facet panel asked for after the hits. Like Solr's query-result and document caches,
 * but holding whole pages.
 *
 * <p>Each reader has its own entries, dropped when the reader closes: a commit opens a new reader
 * (the searcher manager's refresh), so nothing cached outlives the index state it was computed on.
 * A result that ran out of time is never kept (it is partial), nor a page of more than
 * {@link #LARGEST_PAGE} hits. Least recently used first out, at most {@code capacity} results per
 * reader ({@code steppe.resultCache}, default {@value #DEFAULT_CAPACITY}; 0 turns the cache off).
 * Thread-safe.
 */
final class ResultCache {
  static final int DEFAULT_CAPACITY = 512;
  /** Pages larger than this are not kept: exports page through 100 hits at a time and rarely repeat. */
  static final int LARGEST_PAGE = 20;

  /** One request as answered: the same request under another time limit may have a different (partial) answer. */
  private record Key(SearchRequest request, boolean quotes, Duration timeout) {}

  private final int capacity;
  private final Map<IndexReader.CacheKey, Map<Key, SearchResult<?>>> byReader = new ConcurrentHashMap<>();

  ResultCache(int capacity) {
    this.capacity = Math.max(0, capacity);
  }

  /** The capacity the system property {@code steppe.resultCache} sets, else the default. */
  static ResultCache fromSystemProperty() {
    return new ResultCache(Integer.getInteger("steppe.resultCache", DEFAULT_CAPACITY));
  }

  /** A search's result from {@code reader}, computed by {@code search} unless this reader answered the same request before. */
  <H> SearchResult<H> get(IndexReader reader, SearchRequest request, boolean quotes, Duration timeout, Search<H> search)
      throws java.io.IOException {
    IndexReader.CacheHelper helper = capacity == 0 || request.size() > LARGEST_PAGE ? null : reader.getReaderCacheHelper();
    if (helper == null) {
      return search.run();
    }
    Map<Key, SearchResult<?>> results = byReader.computeIfAbsent(helper.getKey(), k -> {
      helper.addClosedListener(byReader::remove);
      return java.util.Collections.synchronizedMap(new Lru(capacity));
    });
    Key key = new Key(request, quotes, timeout);
    @SuppressWarnings("unchecked") // the key's quotes flag decides the hit type: article hits or quote hits
    SearchResult<H> known = (SearchResult<H>) results.get(key);
    if (known != null) {
      return known;
    }
    SearchResult<H> fresh = search.run();
    if (!fresh.timedOut()) {
      results.put(key, fresh);
    }
    return fresh;
  }

  /** Runs one search. */
  @FunctionalInterface
  interface Search<H> {
    SearchResult<H> run() throws java.io.IOException;
  }

  private static final class Lru extends LinkedHashMap<Key, SearchResult<?>> {
    private final int capacity;

    Lru(int capacity) {
      super(16, 0.75f, true);
      this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, SearchResult<?>> eldest) {
      return size() > capacity;
    }
  }
}
