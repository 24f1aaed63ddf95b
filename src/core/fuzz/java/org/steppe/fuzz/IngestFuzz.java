package org.steppe.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.steppe.config.ConfigDir;
import org.steppe.index.Fields;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.RemovalLimit;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.WritableSteppe;

/**
 * Indexes a corpus of {@link HostileFiles} with Steppe's own sync, as {@code steppe index} does,
 * and checks what a hostile corpus must never do: abort the run, leave a file unaccounted for (each
 * is indexed or reported by name), take longer than its time bound, or change anything when the
 * same corpus is indexed again. Time is the CPU time of the thread that handled the file, so a busy
 * machine does not make a linear file look slow. Used by the tests (small runs) and the bench
 * harness (benchmark-size runs).
 */
public final class IngestFuzz {
  /** Every file may take this much CPU time... */
  public static final long BOUND_BASE_MS = 3_000;
  /** ...plus this much per KiB of its size: several times what the pipeline needs on plain prose. */
  public static final long BOUND_MS_PER_KIB = 60;

  /** What a run found. */
  public record Report(int files, long bytes, int listed, int articles, int skipped, int warnings, Map<String, Integer> caught,
      long firstRunMs, long cpuMs, long secondRunMs, int secondRunChanges, List<String> changedOnRerun, List<Slow> slowest,
      List<Slow> overBound, List<String> unaccounted, Map<HostileFiles.Shape, ShapeStats> byShape) {

    /** Whether the run kept every promise. */
    public boolean passed() {
      return overBound.isEmpty() && unaccounted.isEmpty() && secondRunChanges == 0;
    }

    /** One line for a log. */
    public String summary() {
      Slow top = slowest.isEmpty() ? null : slowest.get(0);
      return String.format(java.util.Locale.ROOT, "ingest fuzz: %,d files (%.1f MB, %,d listed) -> %,d articles, %,d skipped, "
              + "%,d warnings, crashes caught %s; first run %.1f s (%.1f s CPU in files), re-run %.1f s with %d changes %s; "
              + "slowest %s; %d over their time bound, %d unaccounted", files, bytes / 1048576.0, listed, articles, skipped, warnings, caught,
          firstRunMs / 1000.0, cpuMs / 1000.0, secondRunMs / 1000.0, secondRunChanges, changedOnRerun,
          top == null ? "-" : top, overBound.size(), unaccounted.size());
    }
  }

  /** One file's cost. */
  public record Slow(String file, HostileFiles.Shape shape, long bytes, long cpuMs, long boundMs) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%s (%s, %,d bytes): %,d ms CPU, bound %,d ms", file, shape, bytes, cpuMs, boundMs);
    }
  }

  /** Per shape: how many files and the worst CPU time per KiB. */
  public record ShapeStats(int files, long bytes, long maxCpuMs, double maxCpuMsPerKib) {}

  private IngestFuzz() {}

  /** The time bound for a file of {@code bytes}. */
  public static long boundMs(long bytes) {
    return BOUND_BASE_MS + bytes / 1024 * BOUND_MS_PER_KIB;
  }

  /**
   * Writes {@code files} hostile files (from {@code seed}, made of {@code material}) under
   * {@code work}/corpus, indexes them twice into {@code work}/index with the configuration folder
   * {@code configFolder} and reports.
   */
  public static Report run(Path work, int files, long seed, List<String> material, Path configFolder) throws IOException {
    ConfigDir config = ConfigDir.of(configFolder);
    Path corpus = work.resolve("corpus");
    Map<String, Made> written = write(corpus, work.resolve("outside"), files, seed, material);
    long bytes = written.values().stream().mapToLong(Made::bytes).sum();
    Set<String> listed = new HashSet<>();
    for (Path f : Corpus.open(corpus, config, IngestListener.SILENT).list().files()) {
      listed.add(corpus.relativize(f).toString());
    }
    FileCpuClock clock = new FileCpuClock();
    Path index = work.resolve("index");
    IndexSummary first;
    IndexSummary second;
    long t0 = System.nanoTime();
    try (WritableSteppe steppe = Steppe.openWritable(index, SteppeConfig.fromFolder(configFolder))) {
      first = steppe.indexCorpus(corpus, clock, RemovalLimit.DEFAULT);
      long t1 = System.nanoTime();
      Map<String, String> afterFirst = fingerprints(index);
      second = steppe.indexCorpus(corpus, IndexProgress.NONE, RemovalLimit.DEFAULT);
      long t2 = System.nanoTime();
      List<String> changed = changes(afterFirst, fingerprints(index));
      return report(corpus, index, written, bytes, listed, clock, first, second, changed, (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000);
    }
  }

  /** What was written to one file (its bytes are not kept: a benchmark run writes gigabytes). */
  private record Made(HostileFiles.Shape shape, long bytes) {}

  private static Map<String, Made> write(Path corpus, Path outside, int files, long seed, List<String> material)
      throws IOException {
    HostileFiles gen = new HostileFiles(seed, material);
    Map<String, Made> written = new HashMap<>();
    for (int n = 0; n < files; n++) {
      HostileFiles.Generated g = gen.next(n);
      Path p = corpus.resolve(g.name());
      Files.createDirectories(p.getParent());
      Files.write(p, g.bytes());
      written.put(g.name(), new Made(g.shape(), g.bytes().length));
    }
    // Beyond any shape: a file over the size limit (sparse: instant to write), links leading out of the
    // corpus and nowhere, and a manifest with lines good and bad.
    try (RandomAccessFile huge = new RandomAccessFile(corpus.resolve("huge-over-limit.txt").toFile(), "rw")) {
      huge.setLength(Corpus.DEFAULT_MAX_FILE_BYTES + 1);
      huge.write("A title\n\nThe body.".getBytes(StandardCharsets.UTF_8));
    }
    Files.createDirectories(outside);
    Path secret = Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:root:/root:/bin/bash\n");
    Files.createSymbolicLink(corpus.resolve("link-out.txt"), secret);
    Files.createSymbolicLink(corpus.resolve("link-out-dir"), outside);
    Files.createSymbolicLink(corpus.resolve("link-nowhere.txt"), corpus.resolve("no-such-file.txt"));
    StringBuilder manifest = new StringBuilder();
    for (String name : written.keySet().stream().sorted().limit(50).toList()) {
      manifest.append("{\"file\": \"").append(name).append("\", \"title\": \"Manifest title\", \"date\": \"2015-12-02\"}\n");
    }
    manifest.append("{\"file\": \"../outside/secret.txt\", \"title\": \"x\"}\n{\"id\": \"7\", \"date\": \"2015-13-45\"}\n")
        .append("not json\n{\"file\": null}\n{\"id\": ").append("[".repeat(5000)).append("\n");
    Files.writeString(corpus.resolve("manifest.jsonl"), manifest);
    return written;
  }

  private static Report report(Path corpus, Path index, Map<String, Made> written, long bytes, Set<String> listed,
      FileCpuClock clock, IndexSummary first, IndexSummary second, List<String> changed, long firstMs, long secondMs)
      throws IOException {
    Set<String> accounted = new HashSet<>(indexedFiles(index));
    Stream.concat(first.skipped().stream(), first.warnings().stream())
        .forEach(p -> accounted.add(reportedFile(p.file())));
    List<String> unaccounted = listed.stream().filter(f -> !accounted.contains(f)).sorted().toList();

    List<Slow> costs = new ArrayList<>();
    Map<HostileFiles.Shape, ShapeStats> byShape = new EnumMap<>(HostileFiles.Shape.class);
    for (Map.Entry<String, Long> e : clock.cpuNanos().entrySet()) {
      String rel = corpus.relativize(Path.of(e.getKey())).toString();
      Made g = written.get(rel);
      if (g == null) {
        continue; // the extras (over the limit, links)
      }
      long ms = e.getValue() / 1_000_000;
      costs.add(new Slow(rel, g.shape(), g.bytes(), ms, boundMs(g.bytes())));
      ShapeStats s = byShape.getOrDefault(g.shape(), new ShapeStats(0, 0, 0, 0));
      byShape.put(g.shape(), new ShapeStats(s.files() + 1, s.bytes() + g.bytes(), Math.max(s.maxCpuMs(), ms),
          Math.max(s.maxCpuMsPerKib(), g.bytes() < 10_240 ? 0 : ms / (g.bytes() / 1024.0))));
    }
    costs.sort((a, b) -> Long.compare(b.cpuMs(), a.cpuMs()));
    List<Slow> over = costs.stream().filter(c -> c.cpuMs() > c.boundMs()).toList();
    int changes = second.added() + second.updated() + second.removed();
    long cpuMs = costs.stream().mapToLong(Slow::cpuMs).sum();
    return new Report(written.size(), bytes, listed.size(), first.articles(), first.skipped().size(), first.warnings().size(),
        caught(first.skipped()), firstMs, cpuMs, secondMs, changes, changed, List.copyOf(costs.subList(0, Math.min(10, costs.size()))), over, unaccounted, byShape);
  }

  /**
   * The files skipped because something inside the pipeline threw (the run went on, but each is a
   * bug the isolation hid), by what was thrown.
   */
  private static Map<String, Integer> caught(List<IndexSummary.Problem> skipped) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    java.util.regex.Pattern thrown = java.util.regex.Pattern.compile("could not be (?:read: |indexed \\()([\\w.$]+)");
    for (IndexSummary.Problem p : skipped) {
      java.util.regex.Matcher m = thrown.matcher(p.reason());
      if (m.find()) {
        out.merge(m.group(1), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The file a report names: without the {@code #id} of one story or the {@code :line} of one JSON line. */
  static String reportedFile(String reported) {
    String file = reported.contains("#") ? reported.substring(0, reported.indexOf('#')) : reported;
    return file.replaceFirst(":\\d+$", "");
  }

  /** The articles the last commit of {@code index} holds: id and fingerprint. */
  private static Map<String, String> fingerprints(Path index) throws IOException {
    Map<String, String> out = new HashMap<>();
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          Document d = stored.document(doc, Set.of(Fields.ID, Fields.FINGERPRINT));
          if (d.get(Fields.FINGERPRINT) != null) {
            out.put(d.get(Fields.ID), d.get(Fields.FINGERPRINT));
          }
        }
      }
    }
    return out;
  }

  /** Ids added, removed or re-fingerprinted between two states of an index (at most 20 named). */
  private static List<String> changes(Map<String, String> before, Map<String, String> after) {
    Set<String> ids = new java.util.TreeSet<>(before.keySet());
    ids.addAll(after.keySet());
    return ids.stream().filter(id -> !java.util.Objects.equals(before.get(id), after.get(id))).limit(20)
        .map(id -> id + (before.containsKey(id) ? after.containsKey(id) ? " (updated)" : " (removed)" : " (added)")).toList();
  }

  /** The files the index holds articles from. */
  private static Set<String> indexedFiles(Path index) throws IOException {
    Set<String> files = new HashSet<>();
    try (Directory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc, Set.of(Fields.FILE));
        if (d.get(Fields.FILE) != null) {
          files.add(d.get(Fields.FILE));
        }
      }
    }
    return files;
  }
}
