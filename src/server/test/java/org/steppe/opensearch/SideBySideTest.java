package org.steppe.opensearch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.search.ArticleHit;
import org.steppe.search.EntityType;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SortOrder;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import org.steppe.search.WritableSteppe;
import org.steppe.server.SteppeServer;

/**
 * The same answers from both engines: the seeds plus 5,000 Reuters stories, indexed by each
 * engine's own {@code indexCorpus} (the embedded index in a folder, the cluster index over 2 shards
 * with a replica each), then asked the same questions — keywords, phrases, Boolean operators,
 * wildcards, fields, filters, facets, orders and quotes. For every question: the same total, the
 * same facet counts, the same top ten (articles of equal score may swap places), the same quotes
 * with the same speakers, the same snippets. Then the web server over each engine: the same JSON
 * from every API route, the same exports, errors and page files. What differs is written to
 * {@code target/side-by-side.txt} with the figures BENCHMARKS.md quotes.
 */
@Tag("opensearch")
@ExtendWith(OpenSearchCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SideBySideTest {
  static final String INDEX = "side-by-side";
  static final Path REUTERS = Path.of("../shared/datasets/reuters21578");
  /** Five Reuters files of 1,000 stories each. */
  static final int REUTERS_FILES = 5;
  static final int TOP = 10;

  private SteppeSearch embedded;
  private SteppeSearch cluster;
  private final List<String> report = new ArrayList<>();

  /** One question, for articles or for quotes. */
  record Case(String name, SearchRequest request, boolean quotes) {}

  @BeforeAll
  void indexBothEngines(@TempDir Path work) throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(REUTERS.resolve("reut2-000.sgm")), "the shared datasets are beside the checkout");
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    try (var seeds = Files.list(Path.of("corpus"))) {
      for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(seed, corpus.resolve(seed.getFileName()));
      }
    }
    for (int i = 0; i < REUTERS_FILES; i++) {
      String name = String.format("reut2-%03d.sgm", i);
      Files.copy(REUTERS.resolve(name), corpus.resolve(name));
    }
    SteppeConfig config = SteppeConfig.fromFolder(Path.of("index-config"));
    long t0 = System.nanoTime();
    try (WritableSteppe writer = Steppe.openWritable(work.resolve("index"), config)) {
      writer.indexCorpus(corpus, null);
    }
    long t1 = System.nanoTime();
    OpenSearchCluster.Running running = OpenSearchCluster.current();
    try (Connection c = running.connect()) {
      new Rest(c).deleteIndex(INDEX);
    }
    try (WritableOpenSearchSteppe writer = WritableOpenSearchSteppe.openWritable(running.address(), INDEX, config,
        OpenSearchCluster.SHARDS, OpenSearchCluster.REPLICAS)) {
      writer.indexCorpus(corpus, null);
    }
    long t2 = System.nanoTime();
    embedded = Steppe.open(work.resolve("index"), config);
    cluster = OpenSearchSteppe.open(running.address(), INDEX, config);
    report.add(String.format("indexed %d articles: embedded %.1f s, OpenSearch %.1f s", embedded.articleCount(),
        (t1 - t0) / 1e9, (t2 - t1) / 1e9));
  }

  @AfterAll
  void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    try (Connection c = OpenSearchCluster.current().connect()) {
      new Rest(c).deleteIndex(INDEX);
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "side-by-side.txt"), report);
  }

  /** The questions: at least 50, mixing keywords, phrases, operators, fields, filters, facets, orders and quotes. */
  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (String q : List.of("oil", "oil prices", "crude oil output", "wheat", "coffee", "sugar exports", "gold", "interest rates",
        "dollar", "OPEC", "trade deficit", "Japan", "tariffs", "shares", "acquisition", "net loss", "profit", "strike",
        "Nazarbaev", "Nazarbayev treaty", "Kazakhstan", "EEU", "sovereignty", "said", "central bank", "merger talks",
        "U.S. Treasury", "Saudi Arabia", "grain", "soybeans")) {
      out.add(new Case("keywords: " + q, SearchRequest.of(q), false));
    }
    for (String q : List.of("\"oil prices\"", "\"trade deficit\"", "\"Eurasian Economic Union\"", "\"interest rates\"",
        "\"central bank\"", "\"net loss\" OR \"net profit\"")) {
      out.add(new Case("phrase: " + q, SearchRequest.of(q), false));
    }
    for (String q : List.of("oil AND prices", "wheat OR corn", "bank NOT Japan", "+coffee -Brazil", "title:oil",
        "(gold OR silver) AND prices", "export*", "cof?ee", "entity:Nazarbaev", "source:reuters AND dollar", "quote:sovereignty")) {
      out.add(new Case("syntax: " + q, SearchRequest.of(q), false));
    }
    out.add(new Case("filter: source Reuters, oil", SearchRequest.of("oil").withSources(List.of("Reuters")), false));
    out.add(new Case("filter: two sources, treaty", SearchRequest.of("treaty").withSources(List.of("Reuters", "Tengrinews")), false));
    out.add(new Case("filter: March 1987, oil", SearchRequest.of("oil").withDates(LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31)), false));
    out.add(new Case("filter: entity Japan", SearchRequest.of("").withEntities(List.of("Japan")), false));
    out.add(new Case("filter: entity Japan, trade", SearchRequest.of("trade").withEntities(List.of("Japan", "United States")), false));
    out.add(new Case("filter: type person, said", SearchRequest.of("said").withEntityTypes(List.of(EntityType.PERSON)), false));
    out.add(new Case("filter: type organization", SearchRequest.of("").withEntityTypes(List.of(EntityType.ORGANIZATION)), false));
    out.add(new Case("filter: everything", SearchRequest.of(""), false));
    out.add(new Case("order: newest, oil", SearchRequest.of("oil").withSort(SortOrder.NEWEST), false));
    out.add(new Case("order: oldest, bank", SearchRequest.of("bank").withSort(SortOrder.OLDEST), false));
    out.add(new Case("page 3, oil", SearchRequest.of("oil").withPage(20, TOP), false));
    out.add(new Case("typo: petroleom", SearchRequest.of("petroleom"), false));
    out.add(new Case("typo: Nazarbaiev", SearchRequest.of("Nazarbaiev"), false));
    for (String q : List.of("", "said", "prices", "sovereignty", "\"we will\"", "oil OR wheat")) {
      out.add(new Case("quotes: " + q, SearchRequest.of(q), true));
    }
    out.add(new Case("quotes: speaker Musinov", SearchRequest.of("").withSpeakers(List.of("Askar Musinov")), true));
    out.add(new Case("quotes: Reuters, newest", SearchRequest.of("said").withSources(List.of("Reuters")).withSort(SortOrder.NEWEST), true));
    return out;
  }

  @Test
  void bothEnginesGiveTheSameAnswers() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 50, "at least 50 questions: " + cases.size());
    List<String> differences = new ArrayList<>();
    int snippets = 0;
    int sameSnippets = 0;
    double worstScore = 0;
    for (Case c : cases) {
      SearchRequest top = c.request().withPage(c.request().offset(), 2 * TOP);
      List<String> problems = new ArrayList<>();
      if (c.quotes()) {
        SearchResult<QuoteHit> e = embedded.searchQuotes(top);
        SearchResult<QuoteHit> o = cluster.searchQuotes(top);
        compare(problems, e, o, c.request().sort(), QuoteHit::id, QuoteHit::score, h -> h.article().date());
        Map<String, QuoteHit> byId = new TreeMap<>();
        o.hits().forEach(h -> byId.put(h.id(), h));
        for (QuoteHit h : e.hits().subList(0, Math.min(TOP, e.hits().size()))) {
          QuoteHit other = byId.get(h.id());
          if (other != null && (!h.text().equals(other.text()) || !Objects.equals(h.speaker(), other.speaker()))) {
            problems.add("quote " + h.id() + " differs: " + h.speaker() + " / " + other.speaker());
          }
          if (other != null) {
            snippets++;
            sameSnippets += h.snippet().equals(other.snippet()) ? 1 : 0;
            checkMarks(problems, h.id(), h.snippet(), other.snippet());
          }
        }
        worstScore = Math.max(worstScore, scoreGap(e.hits(), o.hits(), QuoteHit::id, QuoteHit::score));
      } else {
        SearchResult<ArticleHit> e = embedded.searchArticles(top);
        SearchResult<ArticleHit> o = cluster.searchArticles(top);
        compare(problems, e, o, c.request().sort(), ArticleHit::id, ArticleHit::score, ArticleHit::date);
        Map<String, ArticleHit> byId = new TreeMap<>();
        o.hits().forEach(h -> byId.put(h.id(), h));
        for (ArticleHit h : e.hits().subList(0, Math.min(TOP, e.hits().size()))) {
          ArticleHit other = byId.get(h.id());
          if (other != null) {
            snippets++;
            sameSnippets += Objects.equals(h.snippet(), other.snippet()) ? 1 : 0;
            checkMarks(problems, h.id(), h.snippet(), other.snippet());
            if (!h.entities().equals(other.entities())) {
              problems.add(h.id() + ": other entities");
            }
          }
        }
        if (!Objects.equals(e.didYouMean(), o.didYouMean())) {
          problems.add("did you mean: " + e.didYouMean() + " / " + o.didYouMean());
        }
        worstScore = Math.max(worstScore, scoreGap(e.hits(), o.hits(), ArticleHit::id, ArticleHit::score));
      }
      report.add(c.name() + ": " + (problems.isEmpty() ? "same" : String.join("; ", problems)));
      problems.forEach(p -> differences.add(c.name() + ": " + p));
    }
    report.add(String.format("%d questions; snippets identical: %d of %d; largest relative score difference: %.2e",
        cases.size(), sameSnippets, snippets, worstScore));
    assertTrue(differences.isEmpty(), differences.size() + " differences:\n" + String.join("\n", differences));
  }

  /** One call of the served API, and the library request it stands for when it lists hits ({@code null} when not). */
  record Call(String path, SearchRequest request, boolean quotes) {
    static Call of(String path) {
      return new Call(path, null, false);
    }
  }

  /** API calls over the same data: searches with filters, facets and orders, quotes, suggestions, articles, exports, errors, files. */
  static List<Call> calls(String articleId) {
    String id = URLEncoder.encode(articleId, StandardCharsets.UTF_8).replace("+", "%20");
    return List.of(
        new Call("/api/search?q=oil", SearchRequest.of("oil"), false),
        new Call("/api/search?q=oil&source=Reuters&from=1987-03-01&to=1987-03-31",
            SearchRequest.of("oil").withSources(List.of("Reuters")).withDates(LocalDate.of(1987, 3, 1), LocalDate.of(1987, 3, 31)), false),
        new Call("/api/search?q=trade&entity=Japan&entity=United%20States",
            SearchRequest.of("trade").withEntities(List.of("Japan", "United States")), false),
        new Call("/api/search?q=said&type=person", SearchRequest.of("said").withEntityTypes(List.of(EntityType.PERSON)), false),
        new Call("/api/search?q=%22trade%20deficit%22&sort=newest", SearchRequest.of("\"trade deficit\"").withSort(SortOrder.NEWEST), false),
        new Call("/api/search?q=wheat%20OR%20corn&page=3&size=7", SearchRequest.of("wheat OR corn").withPage(14, 7), false),
        new Call("/api/search?q=petroleom", SearchRequest.of("petroleom"), false),
        new Call("/api/search?q=Nazarbaev%20treaty", SearchRequest.of("Nazarbaev treaty"), false),
        new Call("/api/quotes?q=said", SearchRequest.of("said"), true),
        new Call("/api/quotes?q=&source=Reuters&sort=oldest", SearchRequest.of("").withSources(List.of("Reuters")).withSort(SortOrder.OLDEST), true),
        new Call("/api/quotes?speaker=Askar%20Musinov", SearchRequest.of("").withSpeakers(List.of("Askar Musinov")), true),
        Call.of("/api/suggest?q=Naz"),
        Call.of("/api/suggest?q=ja&limit=5"),
        Call.of("/api/stats"),
        Call.of("/api/articles/" + id),
        Call.of("/api/articles/" + id + "/similar"),
        Call.of("/api/search?q=%22trade%20deficit%22&format=csv"),
        Call.of("/api/quotes?q=prices&format=json"),
        Call.of("/api/articles/no-such-article"),
        Call.of("/api/search?q=oil&size=1000"),
        Call.of("/api/search?q=oil&cursor=not-a-cursor"),
        Call.of("/api/search?q=oil&from=yesterday"),
        Call.of("/api/nothing-here"),
        Call.of("/"),
        Call.of("/style.css"));
  }

  @Test
  void theServedApiAndPageAnswerTheSame() throws Exception {
    Javalin e = SteppeServer.create(embedded).start("127.0.0.1", 0);
    Javalin o = SteppeServer.create(cluster).start("127.0.0.1", 0);
    HttpClient http = HttpClient.newHttpClient();
    List<String> differences = new ArrayList<>();
    int compared = 0;
    try {
      String top = embedded.searchArticles(SearchRequest.of("oil")).hits().get(0).id();
      for (Call c : calls(top)) {
        compareServed(differences, c, get(http, e, c.path()), get(http, o, c.path()));
        compared++;
      }
      // A walk with the cursor: each engine's own next page (the tokens differ; the pages may not).
      SearchRequest first = SearchRequest.of("oil").withPage(0, 5);
      String path = "/api/search?q=oil&size=5";
      JsonNode a = JSON.readTree(get(http, e, path).body());
      JsonNode b = JSON.readTree(get(http, o, path).body());
      for (int page = 2; page <= 3; page++) {
        String next = "&cursor=";
        HttpResponse<String> ea = get(http, e, path + next + a.path("nextCursor").asText());
        HttpResponse<String> ob = get(http, o, path + next + b.path("nextCursor").asText());
        compareServed(differences, new Call(path + " page " + page, first.withPage(5 * (page - 1), 5), false), ea, ob);
        a = JSON.readTree(ea.body());
        b = JSON.readTree(ob.body());
        compared++;
      }
    } finally {
      e.stop();
      o.stop();
    }
    report.add(String.format("served API: %d calls compared, %d differences", compared, differences.size()));
    differences.forEach(d -> report.add("  " + d));
    assertTrue(differences.isEmpty(), differences.size() + " differences:\n" + String.join("\n", differences));
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpResponse<String> get(HttpClient http, Javalin app, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /**
   * The same status, type and body; a page of hits may order hits of equal rank differently, and a
   * run of equal rank that goes on past the page may show other members (as in the library's comparison).
   */
  private void compareServed(List<String> problems, Call c, HttpResponse<String> e, HttpResponse<String> o) throws IOException {
    if (e.statusCode() != o.statusCode()) {
      problems.add(c.path() + ": HTTP " + e.statusCode() + " / " + o.statusCode() + ": " + o.body());
      return;
    }
    String type = e.headers().firstValue("Content-Type").orElse("");
    if (!type.equals(o.headers().firstValue("Content-Type").orElse(""))) {
      problems.add(c.path() + ": Content-Type " + type + " / " + o.headers().firstValue("Content-Type").orElse(""));
      return;
    }
    if (c.path().contains("format=")) {
      // An export lists every hit; equal ranks may come in either order: the same rows, in any order.
      List<String> a = rows(e.body(), c.path().contains("format=json"));
      List<String> b = rows(o.body(), c.path().contains("format=json"));
      if (!a.equals(b)) {
        problems.add(c.path() + ": the exports differ: " + a.size() + " / " + b.size() + " rows");
      }
      return;
    }
    if (!type.startsWith("application/json")) {
      if (!e.body().equals(o.body())) {
        problems.add(c.path() + ": the bodies differ");
      }
      return;
    }
    JsonNode a = JSON.readTree(e.body());
    JsonNode b = JSON.readTree(o.body());
    if (c.request() == null) {
      if (!a.equals(b)) {
        problems.add(c.path() + ": " + e.body() + " / " + o.body());
      }
      return;
    }
    String list = c.quotes() ? "quotes" : "hits";
    ObjectNode restA = ((ObjectNode) a.deepCopy());
    ObjectNode restB = ((ObjectNode) b.deepCopy());
    JsonNode hitsA = restA.remove(list);
    JsonNode hitsB = restB.remove(list);
    // Cursors are each engine's own tokens: only whether there is a next page must agree.
    restA.put("nextCursor", restA.hasNonNull("nextCursor"));
    restB.put("nextCursor", restB.hasNonNull("nextCursor"));
    if (!restA.equals(restB)) {
      problems.add(c.path() + ": " + restA + " / " + restB);
    }
    Map<String, Object> keysA = keys(embedded, c.request(), c.quotes());
    Map<String, Object> keysB = keys(cluster, c.request(), c.quotes());
    if (hitsA.size() != hitsB.size()) {
      problems.add(c.path() + ": " + hitsA.size() + " / " + hitsB.size() + " hits");
      return;
    }
    Object open = openKey(keysA, c.request().size());
    Map<String, JsonNode> byId = new TreeMap<>();
    hitsB.forEach(h -> byId.put(h.path("id").asText(), h));
    for (int i = 0; i < hitsA.size(); i++) {
      String id = hitsA.get(i).path("id").asText();
      Object k = keysA.get(id);
      Object other = keysB.get(hitsB.get(i).path("id").asText());
      if (k == null || other == null || !sameKey(k, other)) {
        problems.add(c.path() + ": rank " + (i + 1) + " " + id + " (" + k + ") / " + hitsB.get(i).path("id").asText() + " (" + other + ")");
        return;
      }
      if (open != null && sameKey(k, open)) {
        continue; // a tie running past the page: either engine may show other members of it
      }
      if (c.quotes() && !byId.containsKey(id) && reportsOfOneQuotation(hitsA.get(i), hitsB)) {
        continue; // two reports of one quotation tied: each engine may lead the collapsed hit with either
      }
      if (!hitsA.get(i).equals(byId.get(id))) {
        problems.add(c.path() + ": hit " + id + ": " + hitsA.get(i) + " / " + byId.get(id));
      }
    }
  }

  /** Whether {@code page} holds another report of {@code quote}'s quotation (an article its {@code reportedBy} names). */
  private static boolean reportsOfOneQuotation(JsonNode quote, JsonNode page) {
    java.util.Set<String> articles = new java.util.HashSet<>();
    quote.path("reportedBy").forEach(r -> articles.add(r.path("articleId").asText()));
    for (JsonNode other : page) {
      if (articles.contains(other.path("article").path("id").asText())) {
        return true;
      }
    }
    return false;
  }

  /** An export's rows (CSV lines after the header, or the JSON array's objects), sorted. */
  private static List<String> rows(String body, boolean json) throws IOException {
    List<String> out = new ArrayList<>();
    if (json) {
      JSON.readTree(body).forEach(row -> out.add(row.toString()));
    } else {
      body.lines().skip(1).forEach(out::add);
    }
    java.util.Collections.sort(out);
    return out;
  }

  /** Each hit's rank key (score, or date for a date order) on the request's page and the hit after it, in order. */
  private static Map<String, Object> keys(SteppeSearch engine, SearchRequest r, boolean quotes) throws IOException {
    SearchRequest wider = r.withCursor(null).withPage(r.offset(), r.size() + 1);
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    boolean byScore = r.sort() == SortOrder.RELEVANCE;
    if (quotes) {
      engine.searchQuotes(wider).hits().forEach(h -> out.put(h.id(), byScore ? (Object) h.score() : String.valueOf(h.article().date())));
    } else {
      engine.searchArticles(wider).hits().forEach(h -> out.put(h.id(), byScore ? (Object) h.score() : String.valueOf(h.date())));
    }
    return out;
  }

  /** The key of a page's last hit when the hit after the page shares it (a tie that runs past the page), else {@code null}. */
  private static Object openKey(Map<String, Object> keys, int size) {
    List<Object> k = new ArrayList<>(keys.values());
    return k.size() > size && sameKey(k.get(size - 1), k.get(size)) ? k.get(size - 1) : null;
  }

  /** Totals, facets and the top ten (equal keys may swap) of two answers. */
  private static <H> void compare(List<String> problems, SearchResult<H> e, SearchResult<H> o, SortOrder sort,
      Function<H, String> id, Function<H, Float> score, Function<H, LocalDate> date) {
    if (e.total() != o.total()) {
      problems.add("total " + e.total() + " / " + o.total());
    }
    if (!e.facets().equals(o.facets())) {
      problems.add("facets differ: " + facetDifference(e, o));
    }
    Function<H, Object> key = sort == SortOrder.RELEVANCE ? h -> score.apply(h) : h -> String.valueOf(date.apply(h));
    List<H> eTop = e.hits().subList(0, Math.min(TOP, e.hits().size()));
    List<H> oTop = o.hits().subList(0, Math.min(TOP, o.hits().size()));
    if (eTop.size() != oTop.size()) {
      problems.add("top ten sizes " + eTop.size() + " / " + oTop.size());
      return;
    }
    for (int i = 0; i < eTop.size(); i++) {
      if (!sameKey(key.apply(eTop.get(i)), key.apply(oTop.get(i)))) {
        problems.add("rank " + (i + 1) + ": " + id.apply(eTop.get(i)) + " (" + key.apply(eTop.get(i)) + ") / "
            + id.apply(oTop.get(i)) + " (" + key.apply(oTop.get(i)) + ")");
        return;
      }
    }
    // Same keys rank by rank. Hits of equal key may come in any order, and a run of equal keys that
    // goes on past the fetched hits may show different members; a run that ends within them must
    // hold the same hits in both.
    for (H h : eTop) {
      Object k = key.apply(h);
      if (closed(e.hits(), k, key, e.total()) && closed(o.hits(), k, key, o.total())) {
        Set<String> a = new java.util.TreeSet<>();
        Set<String> b = new java.util.TreeSet<>();
        e.hits().stream().filter(x -> sameKey(key.apply(x), k)).forEach(x -> a.add(id.apply(x)));
        o.hits().stream().filter(x -> sameKey(key.apply(x), k)).forEach(x -> b.add(id.apply(x)));
        if (!a.equals(b)) {
          problems.add("hits with key " + k + ": " + a + " / " + b);
          return;
        }
      }
    }
  }

  /** Whether the run of hits with key {@code k} ends within the fetched hits (a later hit has another key, or there are no more). */
  private static <H> boolean closed(List<H> hits, Object k, Function<H, Object> key, long total) {
    int last = -1;
    for (int i = 0; i < hits.size(); i++) {
      if (sameKey(key.apply(hits.get(i)), k)) {
        last = i;
      }
    }
    return last < hits.size() - 1 || hits.size() == total;
  }

  private static boolean sameKey(Object a, Object b) {
    if (a instanceof Float x && b instanceof Float y) {
      return Math.abs(x - y) <= 1e-5 * Math.max(Math.abs(x), Math.abs(y)) || (x.isNaN() && y.isNaN());
    }
    return a.equals(b);
  }

  private static <H> double scoreGap(List<H> e, List<H> o, Function<H, String> id, Function<H, Float> score) {
    double worst = 0;
    for (H h : e) {
      for (H x : o) {
        if (id.apply(x).equals(id.apply(h)) && !Float.isNaN(score.apply(h)) && score.apply(h) != 0) {
          worst = Math.max(worst, Math.abs(score.apply(h) - score.apply(x)) / Math.abs(score.apply(h)));
        }
      }
    }
    return worst;
  }

  private static <H> String facetDifference(SearchResult<H> e, SearchResult<H> o) {
    List<String> out = new ArrayList<>();
    if (!e.facets().source().equals(o.facets().source())) {
      out.add("source " + e.facets().source() + " / " + o.facets().source());
    }
    if (!e.facets().speaker().equals(o.facets().speaker())) {
      out.add("speaker " + e.facets().speaker() + " / " + o.facets().speaker());
    }
    if (!e.facets().entity().equals(o.facets().entity())) {
      Set<Object> a = new LinkedHashSet<>(e.facets().entity());
      Set<Object> b = new LinkedHashSet<>(o.facets().entity());
      Set<Object> onlyA = new LinkedHashSet<>(a);
      onlyA.removeAll(b);
      b.removeAll(a);
      out.add("entity " + (onlyA.isEmpty() && b.isEmpty() ? "order" : onlyA + " / " + b));
    }
    if (!e.facets().date().equals(o.facets().date())) {
      out.add("date " + e.facets().date() + " / " + o.facets().date());
    }
    if (!e.facets().year().equals(o.facets().year())) {
      out.add("year " + e.facets().year() + " / " + o.facets().year());
    }
    return String.join(", ", out);
  }

  private static final Pattern MARKED = Pattern.compile("<mark>([^<]*)</mark>");

  /** The same words marked in both snippets of a hit (passages may be cut differently, the matches may not). */
  private static void checkMarks(List<String> problems, String id, String e, String o) {
    if (!marks(e).equals(marks(o))) {
      problems.add(id + ": marked " + marks(e) + " / " + marks(o));
    }
  }

  private static List<String> marks(String snippet) {
    List<String> out = new ArrayList<>();
    if (snippet != null) {
      Matcher m = MARKED.matcher(snippet);
      while (m.find()) {
        out.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }
}
