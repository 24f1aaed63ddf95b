package org.steppe.bench.solr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.core.CoreContainer;

/**
 * The Solr peer of Steppe's benchmarks: embedded Solr 9 (EmbeddedSolrServer, its own JVM),
 * the same articles (Steppe's export of Reuters-21578 with Steppe's entities, replicated to
 * {@code -Dscale} with the ids and year shifts of Steppe's scale corpus), the same analysis
 * chain, the same rotating queries over title^3, body and entity^2, and the same work per query:
 * facet counts on the eight dimensions Steppe counts, 10 hits with two sentence snippets
 * highlighted by the unified highlighter from offsets in postings. Writes
 * {@code results/solr-index-N.json} and {@code results/solr-query-N.json}.
 */
public final class SolrPeer {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final List<String> FACETS = List.of("source", "speaker", "entity_person", "entity_organization", "entity_place",
      "entity_misc", "year", "month");

  public static void main(String[] args) {
    int status = 0;
    try {
      run();
    } catch (Throwable e) {
      e.printStackTrace();
      status = 1;
    }
    // Solr leaves non-daemon threads behind; without this the JVM (and the index lock) outlives the run.
    System.exit(status);
  }

  static void run() throws Exception {
    Path out = Path.of(prop("bench.out", "bench-out"));
    int scale = Integer.parseInt(prop("scale", "5000"));
    List<String> steps = List.of(prop("solr.steps", "index,query").split(","));
    Path home = out.resolve("solr").resolve("home-" + scale);
    Path results = Files.createDirectories(out.resolve("results"));
    if (steps.contains("index")) {
      deleteTree(home);
    }
    setUpHome(home);
    long t0 = System.nanoTime();
    CoreContainer cc = CoreContainer.createAndLoad(home);
    try (EmbeddedSolrServer solr = new EmbeddedSolrServer(cc, "steppe")) {
      long openMs = (System.nanoTime() - t0) / 1_000_000;
      if (steps.contains("index")) {
        Map<String, Object> r = index(solr, out.resolve("export").resolve(prop("solr.export", "reuters-enriched.jsonl")), scale,
            Integer.parseInt(prop("threads", String.valueOf(Runtime.getRuntime().availableProcessors()))));
        r.put("index_mb", round(sizeOf(home.resolve("steppe").resolve("data")) / 1048576.0, 1));
        r.put("peak_rss_mb", peakRssMb());
        JSON.writeValue(results.resolve("solr-index-" + scale + ".json").toFile(), r);
        log("solr index %d: %s", scale, r);
      }
      if (steps.contains("query")) {
        Map<String, Object> r = queries(solr, out.resolve("queries"), scale);
        r.put("open_ms", openMs);
        r.put("peak_rss_mb", peakRssMb());
        JSON.writeValue(results.resolve("solr-query-" + scale + ".json").toFile(), r);
      }
    }
  }

  // ---- indexing ------------------------------------------------------------------------------

  static Map<String, Object> index(EmbeddedSolrServer solr, Path export, int scale, int threads) throws Exception {
    List<JsonNode> base = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(export)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          base.add(JSON.readTree(line));
        }
      }
    }
    // Warm-up: the first 10k (or scale) docs, then delete all; the measured run starts from empty.
    int warm = Math.min(scale, 10_000);
    feed(solr, base, warm, threads, new AtomicLong());
    solr.commit();
    solr.deleteByQuery("*:*");
    solr.commit();
    System.gc();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("machine", machine());
    m.put("scale", scale);
    m.put("threads", threads);
    m.put("loadavg_before", loadAverage());
    AtomicLong textBytes = new AtomicLong();
    long t0 = System.nanoTime();
    int n = feed(solr, base, scale, threads, textBytes);
    solr.commit();
    double secs = (System.nanoTime() - t0) / 1e9;
    m.put("articles", n);
    m.put("seconds", round(secs, 2));
    m.put("articles_per_s", round(n / secs, 1));
    m.put("text_mb", round(textBytes.get() / 1048576.0, 1));
    m.put("text_mb_per_s", round(textBytes.get() / 1048576.0 / secs, 3));
    m.put("note", "input is Steppe's export: parsed, cleaned and entity-tagged before the clock starts");
    m.put("export", export.getFileName().toString());
    return m;
  }

  /** Adds replicas of {@code base} until {@code count} docs, in batches of 500 from {@code threads} threads. */
  static int feed(EmbeddedSolrServer solr, List<JsonNode> base, int count, int threads, AtomicLong textBytes) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        jobs.add(pool.submit(() -> {
          while (true) {
            int from = next.getAndAdd(500);
            if (from >= count) {
              return null;
            }
            List<SolrInputDocument> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 500); i++) {
              batch.add(doc(base.get(i % base.size()), i / base.size(), textBytes));
            }
            solr.add(batch);
          }
        }));
      }
      for (Future<?> j : jobs) {
        j.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return count;
  }

  static SolrInputDocument doc(JsonNode a, int k, AtomicLong textBytes) {
    SolrInputDocument d = new SolrInputDocument();
    String id = a.get("id").asText();
    d.addField("id", k == 0 ? id : String.valueOf(k * 100_000 + Integer.parseInt(id)));
    String title = text(a, "title");
    String body = text(a, "body");
    if (title != null) {
      d.addField("title", title);
    }
    d.addField("body", body);
    textBytes.addAndGet((title == null ? 0 : title.getBytes(StandardCharsets.UTF_8).length) + body.getBytes(StandardCharsets.UTF_8).length);
    String source = text(a, "source");
    if (source != null) {
      d.addField("source", source);
    }
    String date = text(a, "date");
    if (date != null) {
      LocalDate day = LocalDate.parse(date).minusYears(k);
      d.addField("date", day + "T00:00:00Z");
      d.addField("year", String.valueOf(day.getYear()));
      d.addField("month", day.toString().substring(0, 7));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = a.get("entities").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode name : e.getValue()) {
        d.addField("entity", name.asText());
        d.addField("entity_" + e.getKey(), name.asText());
      }
    }
    for (JsonNode s : a.get("speakers")) {
      d.addField("speaker", s.asText());
    }
    return d;
  }

  static String text(JsonNode a, String field) {
    JsonNode v = a.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  // ---- queries -------------------------------------------------------------------------------

  interface Runner {
    long run(String q) throws Exception;
  }

  static Map<String, Object> queries(EmbeddedSolrServer solr, Path qdir, int scale) throws Exception {
    double seconds = Double.parseDouble(prop("query.seconds", "5"));
    double warmup = Double.parseDouble(prop("query.warmup.seconds", "2"));
    List<Integer> threadCounts = Stream.of(prop("query.threads", "1,2,4").split(",")).map(Integer::parseInt).toList();
    List<String> kinds = List.of(prop("query.kinds", "term,and,phrase").split(","));
    List<String> modes = List.of(prop("query.modes", "core,steppe").split(","));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", machine());
    result.put("scale", scale);
    result.put("articles", solr.query(new SolrQuery("*:*").setRows(0)).getResults().getNumFound());
    Map<String, Runner> runners = new LinkedHashMap<>();
    runners.put("core", q -> solr.query(core(q)).getResults().getNumFound());
    runners.put("steppe", q -> {
      QueryResponse r = solr.query(full(q));
      return r.getResults().getNumFound();
    });
    // Sanity: the full query really counts facets and highlights.
    QueryResponse sample = solr.query(full("oil"));
    Map<String, Object> sanity = new LinkedHashMap<>();
    sanity.put("query", "oil");
    sanity.put("total", sample.getResults().getNumFound());
    sanity.put("hits", sample.getResults().size());
    sanity.put("facet_dims_with_values", sample.getFacetFields().stream().filter(f -> f.getValueCount() > 0).map(f -> f.getName()).toList());
    sanity.put("highlighted_hits", sample.getHighlighting() == null ? 0
        : sample.getHighlighting().values().stream().filter(h -> h.get("body") != null && !h.get("body").isEmpty()).count());
    sanity.put("first_snippet", sample.getHighlighting() == null || sample.getResults().isEmpty() ? null
        : sample.getHighlighting().get(String.valueOf(sample.getResults().get(0).getFieldValue("id"))));
    result.put("sanity", sanity);
    log("sanity: %s", sanity);
    // JIT warm-up before the first measured configuration: every mode and kind, one thread.
    double jit = Double.parseDouble(prop("query.jit.seconds", "4"));
    for (String mode : modes) {
      for (String kind : kinds) {
        List<String> qs = Files.readAllLines(qdir.resolve(kind + ".txt")).stream().filter(l -> !l.isBlank()).toList();
        loop(runners.get(mode), qs, 1, jit / modes.size() / kinds.size(), null, null, null);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String kind : kinds) {
      List<String> queries = Files.readAllLines(qdir.resolve(kind + ".txt")).stream().filter(l -> !l.isBlank()).toList();
      for (String mode : modes) {
        for (int threads : threadCounts) {
          Map<String, Object> row = measure(runners.get(mode), queries, threads, warmup, seconds);
          row.put("mode", mode);
          row.put("kind", kind);
          rows.add(row);
          log("solr scale %d %s %s threads=%d: %s", scale, mode, kind, threads, row);
        }
      }
    }
    result.put("rows", rows);
    result.put("loadavg_end", loadAverage());
    return result;
  }

  static SolrQuery base(String q) {
    SolrQuery s = new SolrQuery(q);
    s.set("defType", "edismax");
    s.set("qf", "title^3 body entity^2");
    s.set("q.op", "OR");
    s.setRows(10);
    return s;
  }

  /** Top 10 ids, no facets, no highlighting (as Steppe's "core" mode), total hits counted up to 1000. */
  static SolrQuery core(String q) {
    SolrQuery s = base(q);
    s.setFields("id");
    s.set("minExactCount", 1000);
    return s;
  }

  /** What Steppe.searchArticles does: facets on eight dimensions, 10 hits, highlighted body snippets. */
  static SolrQuery full(String q) {
    SolrQuery s = base(q);
    s.setFields("id", "title", "source", "date", "entity_person", "entity_organization", "entity_place", "entity_misc", "score");
    s.setFacet(true);
    s.setFacetMinCount(1);
    s.setFacetLimit(50);
    for (String f : FACETS) {
      s.addFacetField(f);
    }
    s.set("f.year.facet.limit", -1);
    s.set("f.month.facet.limit", -1);
    s.setHighlight(true);
    s.set("hl.method", "unified");
    s.set("hl.fl", "body");
    s.set("hl.snippets", 2);
    s.set("hl.bs.type", "SENTENCE");
    s.set("hl.bs.language", "en");
    s.set("hl.offsetSource", "POSTINGS");
    s.set("hl.maxAnalyzedChars", 200_000);
    s.set("hl.defaultSummary", true);
    s.set("hl.tag.pre", "<mark>");
    s.set("hl.tag.post", "</mark>");
    s.set("hl.encoder", "html");
    return s;
  }

  static Map<String, Object> measure(Runner runner, List<String> queries, int threads, double warmup, double seconds)
      throws Exception {
    loop(runner, queries, threads, warmup, null, null, null);
    long[][] lat = new long[threads][];
    int[] counts = new int[threads];
    AtomicLong hits = new AtomicLong();
    long t0 = System.nanoTime();
    loop(runner, queries, threads, seconds, lat, counts, hits);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int pos = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(lat[t], 0, all, pos, counts[t]);
      pos += counts[t];
    }
    Arrays.sort(all);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("threads", threads);
    row.put("count", total);
    if (total > 0) {
      row.put("p50_ms", ms(pct(all, 50)));
      row.put("p90_ms", ms(pct(all, 90)));
      row.put("p99_ms", ms(pct(all, 99)));
      row.put("max_ms", ms(all[total - 1]));
      row.put("mean_ms", ms((long) Arrays.stream(all).average().orElse(0)));
    }
    row.put("qps", round(total / elapsed, 1));
    row.put("mean_total_hits", total == 0 ? 0 : hits.get() / total);
    row.put("loadavg", loadAverage().split(" ")[0]);
    return row;
  }

  static void loop(Runner runner, List<String> queries, int threads, double seconds, long[][] lat, int[] counts,
      AtomicLong hitSum) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    CountDownLatch done = new CountDownLatch(threads);
    Exception[] failure = new Exception[1];
    for (int t = 0; t < threads; t++) {
      final int id = t;
      new Thread(() -> {
        long[] l = new long[1 << 16];
        int n = 0;
        long hits = 0;
        int i = id * queries.size() / threads;
        try {
          while (System.nanoTime() < deadline) {
            String q = queries.get(i++ % queries.size());
            long s = System.nanoTime();
            hits += runner.run(q);
            long e = System.nanoTime() - s;
            if (n == l.length) {
              l = Arrays.copyOf(l, n * 2);
            }
            l[n++] = e;
          }
        } catch (Exception ex) {
          failure[0] = ex;
        } finally {
          if (lat != null) {
            lat[id] = l;
            counts[id] = n;
            hitSum.addAndGet(hits);
          }
          done.countDown();
        }
      }, "solr-query-" + t).start();
    }
    done.await();
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  static void setUpHome(Path home) throws IOException {
    Path conf = Files.createDirectories(home.resolve("steppe").resolve("conf"));
    copy("/steppe-solr/solr.xml", home.resolve("solr.xml"));
    copy("/steppe-solr/conf/schema.xml", conf.resolve("schema.xml"));
    copy("/steppe-solr/conf/solrconfig.xml", conf.resolve("solrconfig.xml"));
    Files.writeString(home.resolve("steppe").resolve("core.properties"), "name=steppe\n");
  }

  static void copy(String resource, Path to) throws IOException {
    try (InputStream in = SolrPeer.class.getResourceAsStream(resource)) {
      Files.write(to, in.readAllBytes());
    }
  }

  static String prop(String k, String def) {
    String v = System.getProperty(k);
    return v == null || v.isBlank() ? def : v.strip();
  }

  static long pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double ms(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  static double peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0, 1);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nproc", Runtime.getRuntime().availableProcessors());
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("solr", org.apache.solr.client.api.util.SolrVersion.LATEST_STRING);
    m.put("lucene", org.apache.lucene.util.Version.LATEST.toString());
    m.put("jvm_args", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
    m.put("max_heap_mb", round(Runtime.getRuntime().maxMemory() / 1048576.0, 1));
    m.put("loadavg", loadAverage());
    m.put("time_utc", java.time.Instant.now().toString());
    return m;
  }

  static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void log(String fmt, Object... args) {
    System.out.printf("solr-peer [%s, load %s]: %s%n", java.time.LocalTime.now().withNano(0),
        loadAverage().split(" ")[0], String.format(fmt, args));
    System.out.flush();
  }
}
