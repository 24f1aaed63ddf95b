package org.steppe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.steppe.ingest.IngestListener;
import org.steppe.ingest.ReutersSgmlFormat;
import org.steppe.ingest.SourceDocument;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.WritableSteppe;

/**
 * Indexing throughput: Steppe's full pipeline (its own {@code CorpusSync}: read, clean, tag
 * entities, extract quotes, index, one commit, on every core) against raw Lucene over the same
 * files in the same JVM (the same SGML parser, then title and body as {@code TextField}s with
 * {@code StandardAnalyzer}, no enrichment, the same number of threads, the same RAM buffer).
 *
 * <p>{@code -Dscale=N} stories; {@code -Dindex.systems=lucene,steppe}; {@code -Dindex.warmup=N}
 * stories indexed by both first (0 for none). The indexes are kept for the query benchmarks.
 */
public final class IndexBench {
  public static void main(String[] args) throws Exception {
    int scale = Bench.intProp("scale", 5000);
    int warmup = Bench.intProp("index.warmup", Math.min(scale, 10_000));
    List<String> systems = List.of(Bench.prop("index.systems", "lucene,steppe").split(","));
    int rounds = Bench.intProp("index.rounds", 1);
    int threads = Bench.threads();
    SteppeConfig config = Bench.steppeConfig();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("scale", scale);
    result.put("threads", threads);
    Path corpus = ScaleCorpus.ensure(scale);
    result.put("corpus_file_mb", Bench.round(Bench.sizeOf(corpus) / 1048576.0, 1));

    if (warmup > 0 && warmup != scale) {
      Path wc = ScaleCorpus.ensure(warmup);
      Bench.log("warm-up on %d stories", warmup);
      for (String s : systems) {
        run(s, wc, Bench.out().resolve("idx").resolve("warmup-" + s), threads, config);
      }
    }
    List<Map<String, Object>> runs = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (String s : systems) {
        Path dir = s.equals("steppe") ? Bench.steppeIndex(scale) : Bench.luceneIndex(scale);
        Map<String, Object> m = run(s, corpus, dir, threads, config);
        m.put("round", r);
        runs.add(m);
        Bench.log("%s", m);
      }
    }
    result.put("runs", runs);
    // Ratio from the same round: Steppe's articles/s over raw Lucene's.
    List<Map<String, Object>> ratios = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      final int round = r;
      Map<String, Object> l = runs.stream().filter(m -> m.get("system").equals("lucene") && m.get("round").equals(round)).findFirst().orElse(null);
      Map<String, Object> st = runs.stream().filter(m -> m.get("system").equals("steppe") && m.get("round").equals(round)).findFirst().orElse(null);
      if (l != null && st != null) {
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("round", r);
        ratio.put("steppe_over_lucene_articles_per_s",
            Bench.round((double) st.get("articles_per_s") / (double) l.get("articles_per_s"), 3));
        ratio.put("steppe_over_lucene_cpu_per_article",
            Bench.round((double) l.get("cpu_ms_per_article") / (double) st.get("cpu_ms_per_article"), 3));
        ratio.put("steppe_over_lucene_text_mb_per_s",
            Bench.round((double) st.get("text_mb_per_s") / (double) l.get("text_mb_per_s"), 3));
        ratios.add(ratio);
      }
    }
    result.put("ratios", ratios);
    result.put("peak_rss_mb", Bench.peakRssMb());
    result.put("peak_heap_mb", Bench.peakHeapMb());
    result.put("loadavg_end", Bench.loadAverage());
    Bench.write(Bench.prop("index.result", "index-" + scale + ".json"), result);
  }

  static Map<String, Object> run(String system, Path corpus, Path dir, int threads, SteppeConfig config) throws Exception {
    Bench.deleteTree(dir);
    Files.createDirectories(dir.getParent());
    System.gc();
    String load = Bench.loadAverage();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("system", system);
    long textBytes = textBytes(corpus); // before the clock: cached per corpus after the first run
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    long articles;
    if (system.equals("steppe")) {
      try (WritableSteppe steppe = Steppe.openWritable(dir, config)) {
        IndexSummary s = steppe.indexCorpus(corpus, IndexProgress.NONE);
        articles = s.added() + s.updated();
        m.put("entity_mentions", s.entities());
        m.put("quotes", s.quotes());
        m.put("skipped", s.skipped().size());
      }
    } else if (system.equals("lucene")) {
      articles = rawLucene(corpus, dir, threads);
    } else {
      throw new IllegalArgumentException("unknown system " + system);
    }
    long nanos = System.nanoTime() - t0;
    double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
    double secs = nanos / 1e9;
    m.put("articles", articles);
    m.put("seconds", Bench.round(secs, 2));
    m.put("articles_per_s", Bench.round(articles / secs, 1));
    // CPU time of the whole JVM over the run (every thread, JIT and GC included): on a shared machine
    // wall time follows the other processes, CPU time much less.
    m.put("cpu_seconds", Bench.round(cpuSecs, 2));
    m.put("cpu_ms_per_article", Bench.round(cpuSecs * 1000 / Math.max(1, articles), 3));
    m.put("text_mb", Bench.round(textBytes / 1048576.0, 1));
    m.put("text_mb_per_s", Bench.round(textBytes / 1048576.0 / secs, 3));
    m.put("index_mb", Bench.round(Bench.sizeOf(dir) / 1048576.0, 1));
    m.put("loadavg_before", load);
    return m;
  }

  /** CPU time of this JVM so far (all threads), in nanoseconds. */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** UTF-8 bytes of every story's text (title and body) as Steppe's format parser yields it: the same figure for both systems. */
  static long textBytes(Path corpus) throws IOException {
    Path cache = corpus.resolve(".textbytes");
    if (Files.exists(cache)) {
      return Long.parseLong(Files.readString(cache).strip());
    }
    long n = 0;
    ReutersSgmlFormat format = new ReutersSgmlFormat();
    for (Path f : files(corpus)) {
      for (SourceDocument d : format.read(f.toString(), Files.readAllBytes(f), IngestListener.SILENT)) {
        n += d.text().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    Files.writeString(cache, n + "\n");
    return n;
  }

  static List<Path> files(Path corpus) throws IOException {
    try (Stream<Path> s = Files.walk(corpus)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".sgm")).sorted().toList();
    }
  }

  /** The baseline: the same files, the same parser, StandardAnalyzer, title and body, nothing else. */
  static long rawLucene(Path corpus, Path dir, int threads) throws Exception {
    ReutersSgmlFormat format = new ReutersSgmlFormat();
    AtomicLong docs = new AtomicLong();
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer())
            .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(128))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        for (Path f : files(corpus)) {
          jobs.add(pool.submit(() -> {
            String rel = corpus.relativize(f).toString();
            for (SourceDocument sd : format.read(rel, Files.readAllBytes(f), IngestListener.SILENT)) {
              w.addDocument(baselineDoc(sd));
              docs.incrementAndGet();
            }
            return null;
          }));
        }
        for (Future<?> j : jobs) {
          j.get();
        }
      } finally {
        pool.shutdownNow();
      }
      w.commit();
    }
    return docs.get();
  }

  static Document baselineDoc(SourceDocument sd) {
    Document doc = new Document();
    doc.add(new StringField("id", sd.id(), Field.Store.YES));
    String title = sd.known().title();
    if (title != null) {
      doc.add(new TextField("title", title, Field.Store.YES));
    }
    String text = sd.text();
    String body = title != null && text.startsWith(title) ? text.substring(title.length()).strip() : text;
    doc.add(new TextField("body", body, Field.Store.YES));
    return doc;
  }
}
