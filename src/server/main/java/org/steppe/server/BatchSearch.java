package org.steppe.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.steppe.search.ArticleHit;
import org.steppe.search.FacetValue;
import org.steppe.search.QuerySyntaxException;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SortOrder;
import org.steppe.search.SteppeSearch;

/**
 * Batch search: a list of queries in, one summary row per query out (how many articles and
 * quotes match, the top sources, the first and last date, the best three articles). Queries are
 * read leniently, as the search box reads them (what was changed is the row's notice); a query
 * that cannot be run even so is reported in its row and the others go on. Runs the queries on a few threads,
 * in order of the list; thread-safe, like the engine it reads.
 */
public final class BatchSearch {
  /** Most queries one batch request to the API may hold. */
  public static final int MAX_QUERIES = 1000;
  /** How many top sources and top hits a row lists. */
  static final int TOP = 3;

  /**
   * One query's summary.
   *
   * @param line the query's 1-based place in the list (its line in a batch file)
   * @param query the query as given
   * @param articles how many articles match
   * @param quotes how many quotes match
   * @param topSources the sources with most matching articles, most first
   * @param firstDate the earliest matching article's date, or {@code null} (none dated)
   * @param lastDate the latest matching article's date, or {@code null}
   * @param top the best matching articles
   * @param notice what lenient reading changed in the query to run it (an unclosed quote searched
   *     as words…), or {@code null} when it was read as written
   * @param error why the query could not be run, or {@code null}
   */
  public record Row(int line, String query, long articles, long quotes, List<FacetValue> topSources,
      LocalDate firstDate, LocalDate lastDate, List<Top> top, String notice, String error) {
    static Row failed(int line, String query, String error) {
      return new Row(line, query, 0, 0, List.of(), null, null, List.of(), null, error);
    }
  }

  /**
   * A query of the batch and where it came from.
   *
   * @param line its 1-based place in the list or line in the file
   * @param text the query, or {@code null} when the entry was not text
   */
  public record Query(int line, String text) {}

  /**
   * One of a query's best articles.
   *
   * @param id the article's id
   * @param title its title, or {@code null}
   * @param source its source, or {@code null}
   * @param date its date, or {@code null}
   */
  public record Top(String id, String title, String source, LocalDate date) {}

  private final SteppeSearch steppe;
  private final int threads;

  /** A batch search over {@code steppe}, on as many threads as there are cores (at most 4). */
  public BatchSearch(SteppeSearch steppe) {
    this.steppe = steppe;
    this.threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * Summarises every query, in the list's order; {@code null} entries and queries the engine
   * cannot read get a row with an {@code error}.
   *
   * @throws IOException when the index cannot be read
   */
  public List<Row> run(List<Query> queries) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "steppe-batch");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Row>> rows = new ArrayList<>();
      for (Query q : queries) {
        rows.add(pool.submit(() -> one(q.line(), q.text())));
      }
      List<Row> out = new ArrayList<>();
      for (Future<Row> f : rows) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the batch was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new IllegalStateException("a batch query failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One query's row; a query the engine refuses is reported, an unreadable index is thrown. */
  Row one(int line, String query) {
    if (query == null) {
      return Row.failed(line, null, "not a query (expected text)");
    }
    if (query.length() > SearchRequest.MAX_QUERY_LENGTH) {
      return Row.failed(line, query, "the query is " + query.length() + " characters long; the limit is "
          + SearchRequest.MAX_QUERY_LENGTH);
    }
    try {
      SearchRequest request = SearchRequest.of(query);
      SearchResult<ArticleHit> best = steppe.searchArticles(request.withPage(0, TOP));
      long quotes = steppe.searchQuotes(request.withPage(0, 0)).total();
      LocalDate first = null;
      LocalDate last = null;
      if (best.total() > 0) {
        first = firstDate(request.withSort(SortOrder.OLDEST));
        last = firstDate(request.withSort(SortOrder.NEWEST));
      }
      List<FacetValue> sources = best.facets().source();
      return new Row(line, query, best.total(), quotes, sources.subList(0, Math.min(TOP, sources.size())), first, last,
          best.hits().stream().map(h -> new Top(h.id(), h.title(), h.source(), h.date())).toList(), best.notice(), null);
    } catch (QuerySyntaxException | IllegalArgumentException e) {
      return Row.failed(line, query, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The date of the first hit in this order (undated articles come last in both date orders). */
  private LocalDate firstDate(SearchRequest sorted) throws IOException {
    List<ArticleHit> one = steppe.searchArticles(sorted.withPage(0, 1)).hits();
    return one.isEmpty() ? null : one.get(0).date();
  }
}
