package org.steppe.bench.solr;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * The Solr peer over HTTP (issue 16): the index {@link SolrPeer} built in {@code solr/home-N}, the
 * same schema and Solr version, served by Jetty ({@code JettySolrRunner} of solr-test-framework:
 * Solr's own dispatch filter behind a real HTTP/1.1 connector) on 127.0.0.1, for {@code bench/run.sh}'s
 * {@code http} step to load with {@code wrk} like Steppe's server and the minimal one.
 *
 * <p>Before it says it is ready it writes {@code queries/http-solr.txt}, the request paths of the
 * same 200 term queries as {@code http-steppe.txt} (decoded from that file, so the two lists
 * cannot drift), each asking for {@link SolrPeer#full}'s work: 10 hits, the unified highlighter on
 * their bodies, and facet counts on the eight dimensions Steppe counts. Then it asks every path
 * once and writes {@code results/http-solr-check-N-CACHES.json}: statuses, hits and highlighted
 * hits, so a run that measured errors or empty answers says so.
 *
 * <p>{@code -Dsolr.http.caches=on} declares the caches of Solr 9's {@code _default} config set
 * (filter, query result and document caches of 512 entries, a query result window of 20);
 * {@code off} declares none, so Solr creates none (the embedded peer's setting).
 *
 * <pre>java -cp ... org.steppe.bench.solr.SolrHttpPeer   (-Dbench.out, -Dscale, -Dsolr.http.port, -Dsolr.http.caches)</pre>
 * Prints {@code READY http://127.0.0.1:PORT/solr/steppe} and serves until killed.
 */
public final class SolrHttpPeer {
  /** The caches and result window of Solr 9.10's {@code _default/conf/solrconfig.xml}. */
  static final String DEFAULT_CACHES = """
      <filterCache size="512" initialSize="512" autowarmCount="0"/>
          <queryResultCache size="512" initialSize="512" autowarmCount="0"/>
          <documentCache size="512" initialSize="512" autowarmCount="0"/>
          <cache name="perSegFilter" class="solr.CaffeineCache" size="10" initialSize="0" autowarmCount="10" regenerator="solr.NoOpRegenerator"/>
          <queryResultWindowSize>20</queryResultWindowSize>
          <queryResultMaxDocsCached>200</queryResultMaxDocsCached>
          <useColdSearcher>""";

  public static void main(String[] args) throws Exception {
    Path out = Path.of(SolrPeer.prop("bench.out", "bench-out"));
    int scale = Integer.parseInt(SolrPeer.prop("scale", "5000"));
    int port = Integer.parseInt(SolrPeer.prop("solr.http.port", "18084"));
    String caches = SolrPeer.prop("solr.http.caches", "on");
    Path home = out.resolve("solr").resolve("home-" + scale).toAbsolutePath();
    if (!Files.isDirectory(home.resolve("steppe").resolve("data").resolve("index"))) {
      throw new IllegalStateException("no Solr index in " + home + ": run SolrPeer with -Dsolr.steps=index first");
    }
    SolrPeer.setUpHome(home);
    Path config = home.resolve("steppe").resolve("conf").resolve("solrconfig.xml");
    String xml = Files.readString(config);
    if (caches.equals("on")) {
      xml = xml.replace("<useColdSearcher>", DEFAULT_CACHES);
    } else if (!caches.equals("off")) {
      throw new IllegalArgumentException("solr.http.caches is on or off, not " + caches);
    }
    Files.writeString(config, xml);

    Path paths = out.resolve("queries").resolve("http-solr.txt");
    Files.write(paths, solrPaths(Files.readAllLines(out.resolve("queries").resolve("http-steppe.txt"))));

    JettySolrRunner jetty = new JettySolrRunner(home.toString(),
        JettyConfig.builder().setPort(port).setContext("/solr").useOnlyHttp1(true).stopAtShutdown(true).build());
    jetty.start();
    String base = "http://127.0.0.1:" + jetty.getLocalPort();
    Map<String, Object> check = check(base, Files.readAllLines(paths));
    check.put("caches", caches);
    check.put("scale", scale);
    check.put("machine", SolrPeer.machine());
    check.put("caches_declared", caches.equals("on") ? DEFAULT_CACHES.lines().map(String::strip).filter(l -> !l.equals("<useColdSearcher>")).toList() : List.of());
    SolrPeer.JSON.writeValue(Files.createDirectories(out.resolve("results"))
        .resolve("http-solr-check-" + scale + "-" + caches + ".json").toFile(), check);
    SolrPeer.log("solr over HTTP, caches %s: %s", caches, check.get("summary"));
    System.out.println("READY " + base + "/solr/steppe");
    System.out.flush();
    Thread.currentThread().join(); // serves until the harness kills the JVM (Jetty stops at shutdown)
  }

  /** Solr request paths for Steppe's {@code /api/search?size=10&q=...} paths: the same q, {@link SolrPeer#full}'s parameters. */
  static List<String> solrPaths(List<String> steppePaths) {
    List<String> solr = new ArrayList<>();
    for (String p : steppePaths) {
      if (p.isBlank()) {
        continue;
      }
      String q = null;
      for (String kv : p.substring(p.indexOf('?') + 1).split("&")) {
        if (kv.startsWith("q=")) {
          q = URLDecoder.decode(kv.substring(2), StandardCharsets.UTF_8);
        }
      }
      if (q == null) {
        throw new IllegalArgumentException("no q= in " + p);
      }
      SolrQuery s = SolrPeer.full(q);
      s.set("wt", "json");
      solr.add("/solr/steppe/select" + s.toQueryString());
    }
    return solr;
  }

  /** Asks every path once: statuses, total and returned hits, highlighted hits, facet dimensions with values. */
  static Map<String, Object> check(String base, List<String> paths) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    Map<Integer, Integer> statuses = new LinkedHashMap<>();
    int withHits = 0;
    int highlighted = 0;
    int allFacetDims = 0;
    List<String> empty = new ArrayList<>();
    long bytes = 0;
    for (String p : paths) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + p)).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      statuses.merge(r.statusCode(), 1, Integer::sum);
      bytes += r.body().getBytes(StandardCharsets.UTF_8).length;
      if (r.statusCode() != 200) {
        empty.add(p + " -> " + r.statusCode());
        continue;
      }
      JsonNode n = SolrPeer.JSON.readTree(r.body());
      JsonNode docs = n.at("/response/docs");
      if (docs.size() > 0 && n.at("/response/numFound").asLong() > 0) {
        withHits++;
      } else {
        empty.add(p);
      }
      int hl = 0;
      for (JsonNode h : n.path("highlighting")) {
        if (h.path("body").size() > 0) {
          hl++;
        }
      }
      if (hl == docs.size() && hl > 0) {
        highlighted++;
      }
      if (n.at("/facet_counts/facet_fields").size() == SolrPeer.FACETS.size()) {
        allFacetDims++;
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", paths.size());
    m.put("statuses", statuses);
    m.put("with_hits", withHits);
    m.put("all_hits_highlighted", highlighted);
    m.put("all_facet_dimensions", allFacetDims);
    m.put("mean_response_bytes", paths.isEmpty() ? 0 : bytes / paths.size());
    m.put("empty_or_failed", empty);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("summary", String.format("%d requests, statuses %s, %d with hits, %d with every hit highlighted, %d with all %d facet fields, %d bytes a response",
        paths.size(), statuses, withHits, highlighted, allFacetDims, SolrPeer.FACETS.size(), bytes / Math.max(1, paths.size())));
    result.putAll(m);
    return result;
  }
}
