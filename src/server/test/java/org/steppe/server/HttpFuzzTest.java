package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.CrowdedCorpus;

/**
 * Every route and parameter of the API, as its OpenAPI description lists them, fed generated and
 * hostile values over real HTTP, with wrong methods and malformed requests besides: no response is
 * a 5xx, and every error is a JSON {@code {"error", "message"}} with the security headers.
 *
 * <p>The routes come from {@code /api/openapi.json}, so a route or parameter added there is fuzzed
 * at once. Values are drawn by parameter name from {@link #VALUES}; a name not listed there gets
 * {@link Values#any}, hostile text of every kind: add an entry when a parameter deserves values
 * of its own (a date, a count, a cursor). Operations with a request body get generated JSON
 * bodies. {@code -Dsteppe.httpFuzz.requests=N} (default 3,000) and {@code -Dsteppe.httpFuzz.seed=S}.
 */
class HttpFuzzTest {
  private static final int REQUESTS = Integer.getInteger("steppe.httpFuzz.requests", 3_000);
  private static final long SEED = Long.getLong("steppe.httpFuzz.seed", 20261201L);
  @TempDir static Path work;
  static TestServer server;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(corpus(work), work);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  /** The seed articles and {@link CrowdedCorpus}. */
  static Path corpus(Path work) throws IOException {
    return TestServer.corpus(work, true, CrowdedCorpus.files());
  }

  // ---- the reproductions --------------------------------------------------------------------

  @Test
  void twelveFuzzyTermsAreA400WithOrWithoutAFilter() {
    String q = ApiTest.enc(CrowdedCorpus.fuzzyQuery());
    for (String route : List.of("/api/search", "/api/quotes")) {
      for (String filter : List.of("", "&source=Reuters", "&speaker=Nursultan%20Nazarbayev", "&entity=Nursultan%20Nazarbayev")) {
        JsonNode e = server.json(route + "?q=" + q + filter, 400);
        assertEquals("query_syntax", e.get("error").asText(), route + filter + ": " + e);
        assertTrue(e.get("message").asText().contains("too many terms"), e.toString());
      }
    }
  }

  @Test
  void aSuggestionPrefixHasALengthLimit() {
    JsonNode e = server.json("/api/suggest?q=" + ApiTest.enc(String.join(" ", java.util.Collections.nCopies(1100, "naz"))), 400);
    assertEquals("bad_parameter", e.get("error").asText());
    assertTrue(e.get("message").asText().contains("200"), e.toString());
    assertEquals(200, server.get("/api/suggest?q=" + "n".repeat(200)).statusCode());
  }

  @Test
  void aWrongMethodIsA405ThatSaysWhichOneIsRight() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/api/search", "/api/articles/003_049d21399e94aeb1.txt", "/api/suggest?q=naz")) {
        HttpResponse<String> r = send(method, path, "{}");
        assertEquals(405, r.statusCode(), method + " " + path + ": " + r.body());
        assertEquals("GET", r.headers().firstValue("Allow").orElse("").replace(", HEAD", ""), method + " " + path);
        assertJsonError(method + " " + path, r, "method_not_allowed");
      }
    }
    HttpResponse<String> unknown = send("POST", "/api/no/such/route", "{}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertJsonError("POST to an unknown route", unknown, "not_found");
  }

  @Test
  void theHttpServersOwnErrorsAreJsonWithTheSecurityHeaders() throws Exception {
    Map<String, String> raw = new LinkedHashMap<>();
    raw.put("414", "GET /api/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    raw.put("431", "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
    raw.put("400", "GET /api/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\nNo colon here\r\n\r\n");
    raw.put("400 ", "GET /api/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    for (Map.Entry<String, String> e : raw.entrySet()) {
      RawResponse r = rawRequest(e.getValue());
      assertEquals(Integer.parseInt(e.getKey().strip()), r.status(), e.getKey() + ": " + r.head() + r.body());
      for (String header : SteppeServer.SECURITY_HEADERS.keySet()) {
        assertTrue(r.head().toLowerCase().contains(header.toLowerCase() + ":"), e.getKey() + " lacks " + header + ": " + r.head());
      }
      assertTrue(r.head().toLowerCase().contains("content-type: application/json"), r.head());
      JsonNode body = TestServer.JSON.readTree(r.body());
      assertTrue(body.has("error") && body.has("message"), r.body());
    }
  }

  @Test
  void anEncodedSlashInAnIdIsTheSlashItEncodes() {
    JsonNode spaced = server.json("/api/articles/crowded%2Fc01.txt");
    assertEquals("crowded/c01.txt", spaced.get("id").asText());
    assertEquals(spaced.get("id"), server.json("/api/articles/crowded/c01.txt").get("id"));
    // Encoded, "/similar" is part of an id (there is none such), not the route.
    assertEquals(404, server.get("/api/articles/crowded%2Fc01.txt%2Fsimilar").statusCode());
    assertEquals(200, server.get("/api/articles/crowded%2Fc01.txt/similar").statusCode());
  }

  @Test
  void inputsThatOnceBrokeSomethingGetA400OrResults() throws Exception {
    List<String> queries = List.of("\"", "(", ")", "AND", "OR OR", "*", "?", "title:", "[a TO", "/[/",
        "/(.*a){40}/", "foo^", "foo^abc", "\\", "!", "~", "a~99", "\"a b\"~x", "{* TO *}", "date:[2015 TO 2016]",
        "title:/.*/", "k*", "ka*an", "NOT", "-", "+", "&&", "||", "\uD83D\uDCA5 \u0000 \u202e", "title:(a OR", "entity:\"Vladimir Putin\"");
    for (String q : queries) {
      for (String route : List.of("/api/search", "/api/quotes")) {
        for (String filter : List.of("", "&source=Reuters")) {
          HttpResponse<String> r = send("GET", route + "?q=" + ApiTest.enc(q) + filter, null);
          assertTrue(r.statusCode() == 200 || r.statusCode() == 400, route + " q=" + q + filter + " answered " + r.statusCode());
          assertEquals(null, problem(r), route + " q=" + q + filter);
        }
      }
    }
    for (String params : List.of("cursor=ZDox", "cursor=ZDp4Ong", "cursor=cjox", "cursor=%25%25", "entity=%00", "source=",
        "size=0", "size=", "page=99999999999", "from=0000-00-00", "from=2015-02-30", "to=+2015", "sort=", "type=PERSON")) {
      HttpResponse<String> r = send("GET", "/api/search?" + params, null);
      assertTrue(r.statusCode() == 200 || r.statusCode() == 400, params + " answered " + r.statusCode());
      assertEquals(null, problem(r), params);
    }
  }

  // ---- the fuzzer -----------------------------------------------------------------------------

  /** Generates values for one parameter. */
  @FunctionalInterface
  interface Values extends Function<Random, List<String>> {
    /** Hostile text of every kind, for parameters without values of their own. */
    static List<String> any(Random r) {
      return List.of(pick(r, HOSTILE) + (r.nextInt(4) == 0 ? pick(r, HOSTILE) : ""));
    }
  }

  private static final String[] HOSTILE = {"", " ", "0", "-1", "1", "true", "false", "null", "[]", "{}", "%", "%00", "%zz",
      "\u0000", "\uD800", "\uFFFF", "\u202E", "\uD83D\uDE00", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
      "${jndi:ldap://x}", "a".repeat(3000), "9".repeat(30), "1e400", "NaN", "2015-02-30", "\r\nX-Injected: 1", "&", "=", "#",
      "?", "/", "\\", "\"", "\u3000", "Nursultan Nazarbayev", "EADaily", "Reuters"};

  /** Values by parameter name (path parameters included); the rest get {@link Values#any}. */
  private static final Map<String, Values> VALUES = Map.ofEntries(
      Map.entry("q", r -> List.of(query(r))),
      Map.entry("source", HttpFuzzTest::names),
      Map.entry("speaker", HttpFuzzTest::names),
      Map.entry("entity", HttpFuzzTest::names),
      Map.entry("type", r -> repeat(r, () -> pick(r, new String[] {"person", "organization", "place", "misc", "PERSON", "animal", ""}))),
      Map.entry("from", r -> List.of(date(r))),
      Map.entry("to", r -> List.of(date(r))),
      Map.entry("sort", r -> List.of(pick(r, new String[] {"relevance", "newest", "oldest", "NEWEST", "sideways", ""}))),
      Map.entry("page", r -> List.of(number(r))),
      Map.entry("size", r -> List.of(number(r))),
      Map.entry("limit", r -> List.of(number(r))),
      Map.entry("cursor", r -> List.of(cursor(r))),
      Map.entry("format", r -> List.of(pick(r, new String[] {"csv", "json", "xml", "CSV", ""}))),
      Map.entry("id", r -> List.of(id(r))),
      Map.entry("name", r -> List.of(speakerName(r))));

  private record Operation(String method, String path, List<String> parameters, boolean body) {}

  @Test
  void everyRouteAndParameterOfTheApiIsFuzzedWithoutA5xx() throws Exception {
    List<Operation> operations = operations(server.json(ApiRoutes.OPENAPI_PATH));
    assertTrue(operations.size() >= 11, operations.toString());
    Random random = new Random(SEED);
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long slowest = 0;
    String slowestRequest = "";
    long t0 = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      Operation op = operations.get(random.nextInt(operations.size()));
      // Now and then a method the route does not take.
      String method = random.nextInt(20) == 0 ? pick(random, new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) : op.method();
      String target = target(op, random);
      long start = System.nanoTime();
      String body = op.body() || !method.equals("GET") ? body(random) : null;
      HttpResponse<String> r;
      try {
        r = sendOrRetry(method, target, body);
      } catch (IOException e) {
        // The server closed the connection without an answer, twice: as bad as a 5xx.
        statuses.merge(0, 1, Integer::sum);
        if (failures.size() < 20) {
          failures.add("#" + i + " " + method + " " + shorten(target) + " -> no response: " + e.getMessage());
        }
        continue;
      }
      long took = System.nanoTime() - start;
      if (took > slowest) {
        slowest = took;
        slowestRequest = method + " " + shorten(target);
      }
      statuses.merge(r.statusCode(), 1, Integer::sum);
      String problem = problem(r);
      if (problem != null && failures.size() < 20) {
        failures.add("#" + i + " " + method + " " + shorten(target) + " -> " + r.statusCode() + ": " + problem);
      }
    }
    System.out.printf("http fuzz: %d requests over %d operations in %.1f s (seed %d); statuses %s; slowest %d ms (%s)%n",
        REQUESTS, operations.size(), (System.nanoTime() - t0) / 1e9, SEED, statuses, slowest / 1_000_000, slowestRequest);
    assertEquals(List.of(), failures);
    assertFalse(statuses.keySet().stream().anyMatch(s -> s >= 500), statuses.toString());
  }

  /** What is wrong with a response, or null: a 5xx, an error that is not JSON, a missing security header. */
  private static String problem(HttpResponse<String> r) {
    if (r.statusCode() >= 500) {
      return "a server error: " + shorten(r.body());
    }
    for (String header : SteppeServer.SECURITY_HEADERS.keySet()) {
      if (r.headers().firstValue(header).isEmpty()) {
        return "no " + header + " header";
      }
    }
    if (r.statusCode() >= 400) {
      try {
        JsonNode body = TestServer.JSON.readTree(r.body());
        if (!body.hasNonNull("error") || !body.hasNonNull("message")) {
          return "an error without {error, message}: " + shorten(r.body());
        }
      } catch (IOException e) {
        return "an error that is not JSON: " + shorten(r.body());
      }
    }
    return null;
  }

  /** Every operation of the OpenAPI description, with its parameters (path and query). */
  private static List<Operation> operations(JsonNode openApi) {
    List<Operation> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (op.getKey().equals("parameters")) {
          continue;
        }
        List<String> params = new ArrayList<>();
        for (JsonNode p : parameters(openApi, path.getValue(), op.getValue())) {
          params.add(p.get("name").asText());
        }
        out.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), params,
            op.getValue().has("requestBody")));
      }
    }
    return out;
  }

  private static List<JsonNode> parameters(JsonNode openApi, JsonNode path, JsonNode op) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode holder : List.of(path, op)) {
      for (JsonNode p : holder.path("parameters")) {
        if (p.has("$ref")) {
          // "#/components/parameters/q"
          JsonNode resolved = openApi;
          for (String part : p.get("$ref").asText().substring(2).split("/")) {
            resolved = resolved.path(part);
          }
          p = resolved;
        }
        out.add(p);
      }
    }
    return out;
  }

  /** A request target for {@code op}: path parameters filled in, a random subset of its query parameters. */
  private static String target(Operation op, Random r) {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    for (String name : op.parameters()) {
      List<String> values = VALUES.getOrDefault(name, Values::any).apply(r);
      if (path.contains("{" + name + "}")) {
        path = path.replace("{" + name + "}", values.get(0));
      } else if (r.nextInt(3) != 0) {
        for (String v : values) {
          query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(v, r));
        }
      }
    }
    if (r.nextInt(30) == 0) {
      query.append(query.isEmpty() ? "?" : "&").append("unknown=").append(encode(pick(r, HOSTILE), r));
    }
    return path + query;
  }

  /** Encoded as a form would; requests no client library would send are the raw test's job. */
  private static String encode(String value, Random r) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return r.nextInt(10) == 0 ? encoded.replace("+", "%20") : encoded;
  }

  /** A batch of generated queries, now and then with items that are not strings or too many of them. */
  private static String batchBody(Random r) {
    com.fasterxml.jackson.databind.node.ObjectNode root = TestServer.JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ArrayNode queries = root.putArray("queries");
    int n = r.nextInt(30) == 0 ? 1001 : 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(10)) {
        case 0 -> queries.addNull();
        case 1 -> queries.add(r.nextInt());
        case 2 -> queries.addObject().put("q", query(r));
        default -> queries.add(query(r));
      }
    }
    return root.toString();
  }

  private static String body(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> "";
      case 1 -> "{\"q\": \"" + query(r).replace("\\", "").replace("\"", "") + "\"}";
      case 2 -> "[" + "[".repeat(r.nextInt(3000)) + "]";
      case 3 -> batchBody(r);
      default -> pick(r, HOSTILE);
    };
  }

  // ---- values ---------------------------------------------------------------------------------

  private static String query(Random r) {
    String[] words = {"Nazarbayev", "Nazarbaev", "treaty", "sovereignty", "EEU", "Astana", "kazak", "the", "oil"};
    String[] syntax = {" AND ", " OR ", " NOT ", "(", ")", "\"", "~", "~2", "*", "?", "title:", "source:", "speaker:",
        "quote:", "entity:", "[", " TO ", "]", "/", "\\", "^", "^2", "+", "-", "!", "&&", "||", ":"};
    return switch (r.nextInt(12)) {
      // Past the clause limit, now and then: rewriting twelve fuzzy terms is slow by design.
      case 0 -> r.nextInt(10) == 0 ? CrowdedCorpus.fuzzyQuery() : "sovereignty~1";
      case 1 -> pick(r, HOSTILE);
      case 2 -> "(".repeat(r.nextInt(100)) + "a";
      case 3 -> "/(.*a){" + r.nextInt(100) + "}/";
      default -> {
        StringBuilder b = new StringBuilder();
        for (int n = 1 + r.nextInt(8); n > 0; n--) {
          b.append(r.nextBoolean() ? pick(r, words) : pick(r, syntax)).append(r.nextInt(3) == 0 ? " " : "");
        }
        yield b.toString();
      }
    };
  }

  private static List<String> names(Random r) {
    return repeat(r, () -> pick(r, new String[] {"Reuters", "EADaily", "Tengrinews", "Nursultan Nazarbayev", "Nazarbaev",
        "Vladimir Putin", "nobody", "", "\u0000", "a".repeat(5000), "Reuters\u0000x", "%", "*"}));
  }

  private static List<String> repeat(Random r, java.util.function.Supplier<String> value) {
    List<String> out = new ArrayList<>();
    for (int n = r.nextInt(10) == 0 ? 2 + r.nextInt(30) : 1; n > 0; n--) {
      out.add(value.get());
    }
    return out;
  }

  private static String date(Random r) {
    return pick(r, new String[] {"2015", "2015-12", "2015-12-02", "1987-03-01", "0000-00-00", "2015-02-30", "+2015",
        "999999999-01-01", "-1", "2015-13", "yesterday", "", String.valueOf(r.nextInt(3000))});
  }

  private static String number(Random r) {
    return pick(r, new String[] {"0", "1", "2", "5", "10", "20", "100", "101", "-1", "99999999999", "2147483648", "1.5",
        "two", "", "0x10", " 3", String.valueOf(r.nextInt(200))});
  }

  private static String cursor(Random r) {
    String raw = switch (r.nextInt(5)) {
      case 0 -> "r:" + r.nextInt(100) + ":" + r.nextFloat();
      case 1 -> "d:" + r.nextInt(100) + ":" + r.nextLong();
      case 2 -> "r:" + (r.nextInt() % 100_000) + ":NaN";
      case 3 -> pick(r, HOSTILE);
      default -> "x:" + r.nextInt();
    };
    return r.nextInt(4) == 0 ? raw : Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** An article id as a path: a real one, encoded in either way, or a path that names nothing or tries to leave. */
  private static String id(Random r) {
    return pick(r, new String[] {"003_049d21399e94aeb1.txt", "crowded/c07.txt", "crowded%2Fc07.txt", "no-such.txt",
        "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "a%00b", "%F0%9F%98%80", "crowded/", "%20", "x".repeat(3000),
        "003_049d21399e94aeb1.txt%2Fsimilar", "%252F"});
  }

  /** A path segment naming a speaker: a name or hostile text, percent-encoded, or encoded bytes that are no name. */
  private static String speakerName(Random r) {
    if (r.nextInt(4) == 0) {
      return pick(r, new String[] {"%00", "%2F", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%98%80", "%20", "x".repeat(3000), "%252F"});
    }
    String name = r.nextBoolean() ? names(r).get(0) : pick(r, HOSTILE);
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String pick(Random r, String[] from) {
    return from[r.nextInt(from.length)];
  }

  private static String shorten(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  /**
   * Sends once more when the first try got no answer: the client may have picked a pooled connection
   * that the server had closed after an error (Jetty closes after a 414 or 431), which is no failure.
   */
  private static HttpResponse<String> sendOrRetry(String method, String target, String body) throws Exception {
    try {
      return send(method, target, body);
    } catch (IOException e) {
      return send(method, target, body);
    }
  }

  private static HttpResponse<String> send(String method, String target, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + target)).timeout(Duration.ofSeconds(30));
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void assertJsonError(String what, HttpResponse<String> r, String error) throws IOException {
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what + ": " + r.headers());
    assertEquals(error, TestServer.JSON.readTree(r.body()).get("error").asText(), what + ": " + r.body());
    assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent(), what);
  }

  private record RawResponse(int status, String head, String body) {}

  /** Sends bytes no well-behaved client would, and reads the answer. */
  private static RawResponse rawRequest(String request) throws IOException {
    URI base = URI.create(server.base);
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int split = response.indexOf("\r\n\r\n");
      String head = split < 0 ? response : response.substring(0, split);
      String body = split < 0 ? "" : response.substring(split + 4);
      if (head.toLowerCase().contains("transfer-encoding: chunked")) {
        body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
      }
      return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
    }
  }
}
