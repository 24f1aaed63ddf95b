package org.steppe.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.steppe.search.ArticleHit;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;

/** The API's routes: each handler reads parameters, calls the {@link SearchService} and writes JSON. */
final class ApiRoutes {
  /** Where the OpenAPI description is served. */
  static final String OPENAPI_PATH = "/api/openapi.json";

  private final SearchService service;
  private final byte[] openApi;

  private ApiRoutes(SearchService service) {
    this.service = service;
    this.openApi = resource("/openapi/steppe-api.json");
  }

  static void register(RoutesConfig routes, SearchService service) {
    ApiRoutes api = new ApiRoutes(service);
    routes.get("/api/search", api::search);
    routes.get("/api/quotes", api::quotes);
    routes.get("/api/search.atom", api::searchFeed);
    routes.get("/api/quotes.atom", api::quotesFeed);
    routes.post("/api/batch", api::batch);
    routes.get("/api/speakers/<name>", api::speaker);
    routes.get("/api/suggest", api::suggest);
    routes.get("/api/stats", api::stats);
    // <id> (not {id}) matches slashes too: ids are relative paths like 2015/a.txt.
    // The longer route goes first so ".../similar" is not read as part of an id.
    routes.get("/api/articles/<id>/similar", api::similar);
    routes.get("/api/articles/<id>", api::article);
    routes.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(api.openApi));
    // Any other path is Javalin's 404 (or its 405 for a known path and another method), answered in
    // JSON by ErrorMapping like every other error.
  }

  private void search(Context ctx) throws IOException {
    SearchRequest request = SearchParams.parse(ctx.queryParamMap());
    String format = SearchParams.single(ctx.queryParamMap(), "format");
    if (format == null) {
      ctx.contentType("application/json").result(service.articlesJson(request));
      return;
    }
    Export<ArticleHit> export = export(ctx, format, Export.ARTICLE_COLUMNS, "steppe-articles");
    service.eachArticle(request, export);
    export.finish();
  }

  private void quotes(Context ctx) throws IOException {
    SearchRequest request = SearchParams.parse(ctx.queryParamMap());
    String format = SearchParams.single(ctx.queryParamMap(), "format");
    if (format == null) {
      ctx.contentType("application/json").result(service.quotesJson(request, SearchParams.bool(ctx.queryParamMap(), "collapse", true)));
      return;
    }
    Export<QuoteHit> export = export(ctx, format, Export.QUOTE_COLUMNS, "steppe-quotes");
    service.eachQuote(request, export);
    export.finish();
  }

  private void searchFeed(Context ctx) throws IOException {
    SearchRequest request = AtomFeed.newest(SearchParams.parse(ctx.queryParamMap()));
    ctx.contentType(AtomFeed.CONTENT_TYPE).result(AtomFeed.articles(service.articleHits(request), feedOrigin(ctx, request)));
  }

  private void quotesFeed(Context ctx) throws IOException {
    SearchRequest request = AtomFeed.newest(SearchParams.parse(ctx.queryParamMap()));
    ctx.contentType(AtomFeed.CONTENT_TYPE).result(AtomFeed.quotes(service.quoteHits(request), feedOrigin(ctx, request)));
  }

  private static AtomFeed.Origin feedOrigin(Context ctx, SearchRequest request) {
    String host = ctx.host() == null || ctx.host().isBlank() ? "localhost" : ctx.host();
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    return new AtomFeed.Origin(ctx.scheme() + "://" + host, ctx.path() + (query.isEmpty() ? "" : "?" + query), query,
        AtomFeed.describe(request));
  }

  private void batch(Context ctx) throws IOException {
    String format = SearchParams.single(ctx.queryParamMap(), "format");
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      throw BadRequest.parameter("format must be csv or json, not '" + format + "'");
    }
    List<BatchSearch.Row> rows = service.batch(ctx.body());
    if ("csv".equals(format)) {
      java.io.StringWriter csv = new java.io.StringWriter();
      BatchOutput.csv(rows, csv);
      ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"steppe-batch.csv\"")
          .result(csv.toString());
    } else {
      ctx.json(BatchOutput.results(rows));
    }
  }

  private void speaker(Context ctx) throws IOException {
    ctx.json(service.speaker(ctx.pathParam("name")));
  }

  private void suggest(Context ctx) throws IOException {
    int limit = SearchParams.integer(ctx.queryParamMap(), "limit", 8);
    ctx.json(service.suggest(ctx.queryParam("q"), limit));
  }

  private void stats(Context ctx) throws IOException {
    ctx.json(Map.of("articles", service.articleCount()));
  }

  private void article(Context ctx) throws IOException {
    ctx.json(service.article(ctx.pathParam("id")));
  }

  private void similar(Context ctx) throws IOException {
    int size = SearchParams.integer(ctx.queryParamMap(), "size", 5);
    ctx.json(service.similar(ctx.pathParam("id"), size));
  }

  private static <H> Export<H> export(Context ctx, String format, List<Export.Column<H>> columns, String name) {
    Export.Download download = (contentType, fileName) -> {
      ctx.contentType(contentType);
      ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
      return ctx.outputStream();
    };
    return switch (format) {
      case "csv" -> new CsvExport<>(columns, download, name);
      case "json" -> new JsonExport<>(columns, download, name);
      default -> throw BadRequest.parameter("format must be csv or json (or left out for a page of results), not '" + format + "'");
    };
  }

  private static byte[] resource(String path) {
    try (InputStream in = ApiRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " (is the jar complete?)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
