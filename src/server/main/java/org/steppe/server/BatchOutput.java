package org.steppe.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.steppe.search.FacetValue;

/** A batch's rows as CSV (one line per query) or as JSON ({@code {"results": [...]}}), the same data in both. */
public final class BatchOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The CSV header: per query, its counts, sources, dates and the three best articles. */
  static final List<String> CSV_COLUMNS = List.of("line", "query", "articles", "quotes", "top_sources", "first_date",
      "last_date", "top1_id", "top1_title", "top2_id", "top2_title", "top3_id", "top3_title", "notice", "error");

  private BatchOutput() {}

  /** {@code POST /api/batch}'s JSON body. */
  record Results(List<Result> results) {}

  /** One query's summary, dates as ISO strings. */
  record Result(int line, String query, long articles, long quotes, List<FacetValue> topSources, String firstDate,
      String lastDate, List<ApiJson.ArticleRef> top, String notice, String error) {
    static Result of(BatchSearch.Row r) {
      return new Result(r.line(), r.query(), r.articles(), r.quotes(), r.topSources(), ApiJson.iso(r.firstDate()),
          ApiJson.iso(r.lastDate()), r.top().stream().map(t -> new ApiJson.ArticleRef(t.id(), t.title(), t.source(),
              ApiJson.iso(t.date()))).toList(), r.notice(), r.error());
    }
  }

  /** The rows as the JSON the API answers. */
  static Results results(List<BatchSearch.Row> rows) {
    return new Results(rows.stream().map(Result::of).toList());
  }

  /**
   * Writes the rows as JSON ({@code {"results": [...]}}) to {@code out}, leaving it open.
   *
   * @throws IOException when {@code out} cannot be written
   */
  public static void json(List<BatchSearch.Row> rows, OutputStream out) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, results(rows));
  }

  /**
   * Writes the rows as RFC 4180 CSV with a header row to {@code out}, formulas defused as in exports.
   *
   * @throws IOException when {@code out} cannot be written
   */
  public static void csv(List<BatchSearch.Row> rows, Writer out) throws IOException {
    out.write(String.join(",", CSV_COLUMNS) + "\r\n");
    for (BatchSearch.Row r : rows) {
      List<String> cells = new ArrayList<>(List.of(String.valueOf(r.line()), nullToEmpty(r.query()),
          String.valueOf(r.articles()), String.valueOf(r.quotes()),
          r.topSources().stream().map(s -> s.value() + " (" + s.count() + ")").collect(Collectors.joining("; ")),
          ApiJson.iso(r.firstDate()) == null ? "" : ApiJson.iso(r.firstDate()),
          ApiJson.iso(r.lastDate()) == null ? "" : ApiJson.iso(r.lastDate())));
      for (int i = 0; i < BatchSearch.TOP; i++) {
        BatchSearch.Top t = i < r.top().size() ? r.top().get(i) : null;
        cells.add(t == null ? "" : t.id());
        cells.add(t == null ? "" : nullToEmpty(t.title()));
      }
      cells.add(nullToEmpty(r.notice()));
      cells.add(nullToEmpty(r.error()));
      out.write(cells.stream().map(CsvExport::cell).collect(Collectors.joining(",")) + "\r\n");
    }
    out.flush();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
