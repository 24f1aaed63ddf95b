package org.steppe.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.steppe.fuzz.FileCpuClock;
import org.steppe.ingest.ReutersSgmlFormat;
import org.steppe.ingest.SourceDocument;
import org.steppe.search.IndexSummary;
import org.steppe.search.RemovalLimit;
import org.steppe.search.Steppe;
import org.steppe.search.WritableSteppe;

/**
 * What the inputs that once made ingest quadratic cost now (issue 19), against ordinary input of
 * the same size in the same run: a text without sentence punctuation or line breaks (the old
 * recogniser took 8 s at 50 KB, 88 s at 400 KB and failed at 720 KB) against the same prose with
 * its punctuation (Reuters-21578's stories as paragraphs of one long article), and a Reuters
 * file of tags that never close (the old SGML reader took 51 s at 380 KB) against real Reuters
 * stories. Each file is indexed alone by Steppe's own sync (read, decode, clean, enrich, index,
 * commit), as {@code steppe index} does; its cost is the CPU time of the thread that handled it.
 * Linear cost shows as a flat ms per KiB across sizes and a ratio to the baseline that does not
 * grow. {@code -Dlinear.sizes=50,100,200,380,400,720} (KiB), {@code -Dlinear.rounds=3} (the
 * fastest round counts). Writes {@code results/linear-cost.json}.
 */
public final class LinearCostBench {
  private static final String[] CASES = {"prose", "no-punctuation", "reuters-sgml", "unclosed-sgml"};

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = Stream.of(Bench.prop("linear.sizes", "50,100,200,380,400,720").split(","))
        .map(String::strip).map(Integer::parseInt).toList();
    int rounds = Bench.intProp("linear.rounds", 3);
    String prose = reutersProse(sizes.stream().mapToInt(Integer::intValue).max().orElse(0) * 1024);
    String reuters = Files.readString(Bench.reuters().resolve("reut2-000.sgm"), StandardCharsets.ISO_8859_1);
    Path work = Bench.out().resolve("linear");
    String load = Bench.loadAverage();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int kib : sizes) {
      Map<String, Long> best = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (String c : CASES) {
          long ms = indexAlone(work, c, input(c, kib * 1024, prose, reuters));
          best.merge(c, ms, Math::min);
        }
      }
      for (String c : CASES) {
        String baseline = c.endsWith("sgml") ? "reuters-sgml" : "prose";
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("case", c);
        row.put("kib", kib);
        row.put("cpu_ms", best.get(c));
        row.put("ms_per_kib", Bench.round(best.get(c) / (double) kib, 2));
        row.put("baseline", baseline);
        row.put("ratio_to_baseline", Bench.round(best.get(c) / (double) Math.max(1, best.get(baseline)), 2));
        rows.add(row);
        Bench.log("linear: %-15s %4d KiB: %,7d ms CPU (%.2f ms/KiB), %.2fx %s", c, kib, best.get(c),
            best.get(c) / (double) kib, best.get(c) / (double) Math.max(1, best.get(baseline)), baseline);
      }
    }
    Bench.deleteTree(work);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("loadavg_before", load);
    result.put("loadavg_end", Bench.loadAverage());
    result.put("rounds", rounds);
    result.put("rows", rows);
    Bench.write("linear-cost.json", result);
  }

  /** The file of case {@code c}, about {@code bytes} long: its name and text. */
  static Map.Entry<String, String> input(String c, int bytes, String prose, String reuters) {
    StringBuilder b = new StringBuilder(bytes + 1024);
    switch (c) {
      case "prose" -> {
        b.append(prose, 0, bytes);
        return Map.entry("prose.txt", "A long article\n\n" + b);
      }
      case "no-punctuation" -> {
        // The same words, with no sentence punctuation and no line break: one sentence to a naive splitter.
        b.append(prose.substring(0, bytes).replaceAll("[.!?\\r\\n]+", " "));
        return Map.entry("no-punctuation.txt", "A long article\n\n" + b);
      }
      case "reuters-sgml" -> {
        // Whole stories of reut2-000.sgm from its start, repeated with new ids past its end.
        int id = 1;
        while (b.length() < bytes) {
          for (int from = reuters.indexOf("<REUTERS "); from >= 0 && b.length() < bytes; from = reuters.indexOf("<REUTERS ", from + 1)) {
            int end = reuters.indexOf("</REUTERS>", from) + "</REUTERS>".length();
            b.append(reuters.substring(from, end).replaceFirst("NEWID=\"\\d+\"", "NEWID=\"" + id++ + "\"")).append('\n');
          }
        }
        return Map.entry("reut2-900.sgm", b.toString());
      }
      case "unclosed-sgml" -> {
        b.append("<REUTERS NEWID=\"5\"><DATE>26-FEB-1987</DATE><TEXT><TITLE>Cocoa review</TITLE>");
        while (b.length() < bytes) {
          b.append("<BODY>x <DATELINE>y <REUTERS <TITLE> <TEXT <<");
        }
        return Map.entry("reut2-901.sgm", b.append("</REUTERS>\n<REUTERS NEWID=\"6\"><TEXT><TITLE>Never closed").toString());
      }
      default -> throw new IllegalArgumentException(c);
    }
  }

  /** Indexes a corpus of the one file into a new index; the CPU time of the thread that handled the file. */
  private static long indexAlone(Path work, String c, Map.Entry<String, String> file) throws Exception {
    Bench.deleteTree(work);
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Files.writeString(corpus.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    FileCpuClock clock = new FileCpuClock();
    try (WritableSteppe steppe = Steppe.openWritable(work.resolve("index"), Bench.steppeConfig())) {
      IndexSummary s = steppe.indexCorpus(corpus, clock, RemovalLimit.DEFAULT);
      if (s.articles() == 0 || !s.skipped().isEmpty()) {
        throw new IllegalStateException(c + ": the file was not indexed whole: " + s);
      }
    }
    return clock.cpuNanos().values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
  }

  /**
   * At least {@code bytes} of prose that never repeats (a repeated paragraph would be dropped as
   * boilerplate, making the baseline cheap): Reuters-21578's stories, one paragraph each.
   */
  private static String reutersProse(int bytes) throws Exception {
    StringBuilder b = new StringBuilder();
    ReutersSgmlFormat format = new ReutersSgmlFormat();
    for (Path f : IndexBench.files(Bench.reuters())) {
      String sgm = Files.readString(f, StandardCharsets.ISO_8859_1);
      for (SourceDocument d : format.parse(f.getFileName().toString(), sgm)) {
        b.append(d.text().replaceAll("\\s+", " ").strip()).append("\n\n");
      }
      if (b.length() >= bytes) {
        return b.toString();
      }
    }
    throw new IllegalStateException("Reuters-21578 holds less than " + bytes + " bytes of text");
  }
}
