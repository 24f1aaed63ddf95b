package org.steppe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * The verdict of the load step of {@code bench/run.sh} (issue 7, item 6): reads the memory samples
 * the step took while {@code wrk} ran and wrk's RESULT line, writes {@code results/load-summary.json},
 * prints PASS or FAIL per property and exits 1 when any fails.
 *
 * <p>Samples ({@code -Dload.samples}, JSON lines): {@code phase} ({@code before}: after the warm-up,
 * idle; {@code run}: under load; {@code after}: idle again), {@code t} (seconds since wrk started),
 * {@code heap_after_gc_mb} (heap in use right after a forced full GC, from the GC log; absent on
 * samples without one), {@code rss_anon_mb}, {@code rss_file_mb}, {@code rss_mb}, {@code threads}.
 *
 * <p>Rules, with tolerance = max({@code load.tolerance.mb} (32), {@code load.tolerance.pct} (10) %
 * of the reference):
 * <ul>
 *   <li>errors: at least one request, 0 non-2xx/3xx answers, 0 socket errors (connect, read, write, timeout);
 *   <li>heap trend: the largest heap-after-GC of the run's last third is at most the first third's
 *       largest plus the tolerance (largest, not mean: a forced GC keeps the in-flight requests'
 *       objects, so single samples jitter upwards);
 *   <li>heap at rest: after the run, heap-after-GC is at most its value after the warm-up plus the
 *       tolerance (no requests in flight, so what remains is what the run left behind);
 *   <li>anonymous RSS trend: as the heap trend, on RssAnon, with a tolerance of
 *       {@code load.rss.tolerance.pct} (5) % of the first third's largest value and no floor. The heap is committed and touched at
 *       start (-Xms = -Xmx, AlwaysPreTouch), so RssAnon grows only with native memory (thread
 *       stacks, direct buffers, metaspace, code). RssFile is reported, not judged: it is the index's
 *       memory-mapped pages, bounded by the index size and shared with the page cache.
 * </ul>
 * Thread counts are reported, not judged (the server's pool grows and shrinks with connections).
 */
public final class LoadCheck {
  private LoadCheck() {}

  public static void main(String[] args) throws IOException {
    Path samplesFile = Path.of(Bench.prop("load.samples", Bench.results().resolve("load-samples.jsonl").toString()));
    JsonNode wrk = Bench.JSON.readTree(Bench.prop("load.wrk", "null"));
    double seconds = Bench.doubleProp("load.seconds", 60);
    double tolMb = Bench.doubleProp("load.tolerance.mb", 32);
    double tolPct = Bench.doubleProp("load.tolerance.pct", 10);

    List<JsonNode> samples = new ArrayList<>();
    for (String line : Files.readAllLines(samplesFile)) {
      if (!line.isBlank()) {
        samples.add(Bench.JSON.readTree(line));
      }
    }
    List<JsonNode> run = samples.stream().filter(s -> "run".equals(s.path("phase").asText())).toList();

    Map<String, Object> summary = new LinkedHashMap<>();
    // The run's settings, so the summary stands on its own.
    summary.put("connections", Bench.intProp("load.connections", 64));
    summary.put("seconds", seconds);
    summary.put("heap", Bench.prop("load.heap", "?"));
    summary.put("index", Bench.prop("load.index", "?"));
    String pathsFile = Bench.prop("load.paths", "");
    int paths = pathsFile.isEmpty() ? 0 : Files.readAllLines(Path.of(pathsFile)).size();
    summary.put("paths", paths);
    summary.put("loadavg_at_end", Bench.prop("load.loadavg", "?"));
    summary.put("samples_file", samplesFile.toString());
    summary.put("tolerance", Map.of("heap_mb", tolMb, "heap_pct", tolPct, "rss_pct", Bench.doubleProp("load.rss.tolerance.pct", 5)));
    List<String> failures = new ArrayList<>();
    Map<String, Object> verdicts = new LinkedHashMap<>();

    // Errors
    if (wrk.isNull() || wrk.isMissingNode()) {
      verdict(verdicts, failures, "errors", false, "no wrk RESULT line (did wrk run? see logs/wrk-load.log)");
    } else {
      long requests = wrk.path("requests").asLong();
      long non2xx = wrk.path("non_2xx_3xx").asLong();
      long socket = wrk.path("socket_errors").asLong();
      double secs = wrk.path("duration_us").asDouble() / 1e6;
      summary.put("wrk", wrk);
      summary.put("qps", secs > 0 ? Bench.round(requests / secs, 1) : 0);
      verdict(verdicts, failures, "errors", requests > 0 && non2xx == 0 && socket == 0,
          "%d requests, %d non-2xx/3xx, %d socket errors".formatted(requests, non2xx, socket));
      // How often each path came back: a leak per distinct request shows only while new ones keep coming.
      summary.put("requests_per_path", paths > 0 ? Bench.round((double) requests / paths, 1) : null);
    }

    // Trends over the run: first third against last third.
    trend(verdicts, failures, summary, run, seconds, "heap_after_gc_mb", tolMb, tolPct, true);
    // RSS includes the whole (pre-touched) heap, so a percentage of it would hide off-heap growth
    // of that size: it gets its own, smaller, percentage and no floor.
    trend(verdicts, failures, summary, run, seconds, "rss_anon_mb", 0, Bench.doubleProp("load.rss.tolerance.pct", 5), true);
    trend(verdicts, failures, summary, run, seconds, "rss_file_mb", tolMb, tolPct, false);
    trend(verdicts, failures, summary, run, seconds, "rss_mb", tolMb, tolPct, false);
    trend(verdicts, failures, summary, run, seconds, "threads", 0, 0, false);

    // Heap at rest: after the warm-up against after the run.
    Double before = last(samples, "before", "heap_after_gc_mb");
    Double after = last(samples, "after", "heap_after_gc_mb");
    if (before == null || after == null) {
      verdict(verdicts, failures, "heap_at_rest", false, "no heap-after-GC sample before or after the run");
    } else {
      double limit = before + Math.max(tolMb, before * tolPct / 100);
      summary.put("heap_at_rest_mb", Map.of("before", before, "after", after, "limit", Bench.round(limit, 1)));
      verdict(verdicts, failures, "heap_at_rest", after <= limit,
          "heap after GC %.0f MB after the warm-up, %.0f MB after the run (limit %.0f MB)".formatted(before, after, limit));
    }

    summary.put("verdicts", verdicts);
    summary.put("pass", failures.isEmpty());
    Bench.write(Bench.prop("load.result", "load-summary.json"), summary);
    if (!failures.isEmpty()) {
      System.out.println("load: FAIL (" + String.join(", ", failures) + ")");
      System.exit(1);
    }
    System.out.println("load: PASS");
  }

  /**
   * Summarises one series by thirds of the run (min, max, count per third) and, when {@code judged},
   * checks that the last third's largest value stays within the tolerance of the first third's.
   */
  private static void trend(Map<String, Object> verdicts, List<String> failures, Map<String, Object> summary,
      List<JsonNode> run, double seconds, String field, double tolMb, double tolPct, boolean judged) {
    List<List<Double>> thirds = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (JsonNode s : run) {
      JsonNode v = s.get(field);
      if (v != null && v.isNumber()) {
        int third = (int) Math.min(2, Math.max(0, Math.floor(s.path("t").asDouble() * 3 / seconds)));
        thirds.get(third).add(v.asDouble());
      }
    }
    Map<String, Object> series = new LinkedHashMap<>();
    String[] names = {"first", "middle", "last"};
    for (int i = 0; i < 3; i++) {
      List<Double> xs = thirds.get(i);
      series.put(names[i], xs.isEmpty() ? null
          : Map.of("n", xs.size(), "min", stat(xs, Math::min), "max", stat(xs, Math::max)));
    }
    summary.put(field, series);
    if (!judged) {
      return;
    }
    if (thirds.get(0).isEmpty() || thirds.get(2).isEmpty()) {
      verdict(verdicts, failures, field, false, "no samples in the first or last third of the run: too few to judge");
      return;
    }
    double first = stat(thirds.get(0), Math::max);
    double last = stat(thirds.get(2), Math::max);
    double limit = first + Math.max(tolMb, first * tolPct / 100);
    verdict(verdicts, failures, field, last <= limit,
        "%s: first third max %.0f, last third max %.0f (limit %.0f)".formatted(field, first, last, limit));
  }

  private static double stat(List<Double> xs, DoubleBinaryOperator op) {
    return xs.stream().mapToDouble(Double::doubleValue).reduce(op).orElse(Double.NaN);
  }

  private static Double last(List<JsonNode> samples, String phase, String field) {
    Double v = null;
    for (JsonNode s : samples) {
      if (phase.equals(s.path("phase").asText()) && s.path(field).isNumber()) {
        v = s.path(field).asDouble();
      }
    }
    return v;
  }

  private static void verdict(Map<String, Object> verdicts, List<String> failures, String name, boolean pass, String detail) {
    System.out.println((pass ? "PASS " : "FAIL ") + name + ": " + detail);
    verdicts.put(name, Map.of("pass", pass, "detail", detail));
    if (!pass) {
      failures.add(name);
    }
  }
}
