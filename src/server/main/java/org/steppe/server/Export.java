package org.steppe.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.steppe.search.ArticleHit;
import org.steppe.search.EntityRef;
import org.steppe.search.QuoteHit;

/**
 * A download of every matching row, written as the rows arrive; {@link CsvExport} and
 * {@link JsonExport} share the columns, so both formats hold the same data.
 */
abstract class Export<H> implements SearchService.Rows<H> {
  /** Opens the response body once the first page was found: sets the download headers, then returns the stream. */
  interface Download {
    OutputStream open(String contentType, String fileName) throws IOException;
  }

  /** A named column and how to read it from a hit; {@code null} values are empty cells. */
  record Column<H>(String name, Function<H, String> value) {}

  /** Article rows: metadata and the entities each mentions ({@code name (type)}, separated by {@code ; }). */
  static final List<Column<ArticleHit>> ARTICLE_COLUMNS = List.of(
      new Column<>("id", ArticleHit::id), new Column<>("title", ArticleHit::title),
      new Column<>("source", ArticleHit::source), new Column<>("date", h -> ApiJson.iso(h.date())),
      new Column<>("author", ArticleHit::author), new Column<>("url", ArticleHit::url),
      new Column<>("entities", h -> h.entities().stream().map(Export::entity).collect(Collectors.joining("; "))));

  /** Quote rows: who said what, where and when. */
  static final List<Column<QuoteHit>> QUOTE_COLUMNS = List.of(
      new Column<>("id", QuoteHit::id), new Column<>("text", QuoteHit::text), new Column<>("kind", q -> q.kind().label()),
      new Column<>("speaker", QuoteHit::speaker), new Column<>("role", QuoteHit::role),
      new Column<>("context", QuoteHit::context), new Column<>("article_id", q -> q.article().id()),
      new Column<>("article_title", q -> q.article().title()), new Column<>("source", q -> q.article().source()),
      new Column<>("date", q -> ApiJson.iso(q.article().date())));

  protected final List<Column<H>> columns;
  private final Download download;
  private final String fileName;
  private long rows;

  Export(List<Column<H>> columns, Download download, String fileName) {
    this.columns = columns;
    this.download = download;
    this.fileName = fileName;
  }

  @Override
  public final void start() throws IOException {
    begin(download.open(contentType(), fileName + "." + extension()));
  }

  @Override
  public final void row(H hit) throws IOException {
    rows++;
    write(hit);
  }

  /** Ends the document and flushes it; returns how many rows were written. */
  abstract long finish() throws IOException;

  protected long rows() {
    return rows;
  }

  protected abstract String contentType();

  protected abstract String extension();

  protected abstract void begin(OutputStream out) throws IOException;

  protected abstract void write(H hit) throws IOException;

  private static String entity(EntityRef e) {
    return e.name() + " (" + e.type().label() + ")";
  }
}
