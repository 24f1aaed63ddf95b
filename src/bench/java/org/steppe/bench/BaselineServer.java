package org.steppe.bench;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The HTTP baseline: the least a search server can do over the same Reuters text. One Javalin
 * route, {@code GET /search?q=...}, classic query parser on the raw-Lucene index of
 * {@link IndexBench} (StandardAnalyzer, body field), top 10 ids and titles as JSON; no facets,
 * no highlighting. Listens on 127.0.0.1 only.
 *
 * <pre>java -cp ... org.steppe.bench.BaselineServer INDEX_DIR PORT</pre>
 */
public final class BaselineServer {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
    IndexSearcher searcher = new IndexSearcher(reader);
    StandardAnalyzer analyzer = new StandardAnalyzer();
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      // Jackson 2, as Steppe's own server wires it.
      config.jsonMapper(new io.javalin.json.JavalinJackson(new com.fasterxml.jackson.databind.ObjectMapper(), false));
      config.routes.get("/search", ctx -> {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
          ctx.status(400).json(Map.of("error", "q is required"));
          return;
        }
        try {
          TopDocs top = searcher.search(new QueryParser("body", analyzer).parse(q), 10);
          StoredFields stored = reader.storedFields();
          List<Map<String, String>> hits = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc, Set.of("id", "title"));
            Map<String, String> h = new LinkedHashMap<>();
            h.put("id", d.get("id"));
            h.put("title", d.get("title"));
            hits.add(h);
          }
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("total", top.totalHits.value());
          body.put("hits", hits);
          ctx.json(body);
        } catch (ParseException e) {
          ctx.status(400).json(Map.of("error", String.valueOf(e.getMessage())));
        }
      });
    });
    app.start("127.0.0.1", port);
    System.out.println("baseline serving " + reader.numDocs() + " docs on http://127.0.0.1:" + port + "/search");
  }
}
