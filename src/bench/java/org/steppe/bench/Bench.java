package org.steppe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Settings (system properties), output, percentiles and machine facts shared by every benchmark. */
public final class Bench {
  private Bench() {}

  public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static String prop(String key, String def) {
    String v = System.getProperty(key);
    return v == null || v.isBlank() ? def : v.strip();
  }

  public static int intProp(String key, int def) {
    return Integer.parseInt(prop(key, String.valueOf(def)).replace("_", ""));
  }

  public static double doubleProp(String key, double def) {
    return Double.parseDouble(prop(key, String.valueOf(def)));
  }

  /** Where results, corpora and indexes go (gitignored). */
  public static Path out() {
    return Path.of(prop("bench.out", "bench-out"));
  }

  public static Path results() throws IOException {
    return Files.createDirectories(out().resolve("results"));
  }

  /** The Reuters-21578 folder. */
  public static Path reuters() {
    return Path.of(prop("reuters", "../shared/datasets/reuters21578"));
  }

  public static int threads() {
    return intProp("threads", Runtime.getRuntime().availableProcessors());
  }

  /** The configuration the benchmarks index with: index-config/ in the working directory, else the built-in one. */
  public static org.steppe.search.SteppeConfig steppeConfig() {
    java.nio.file.Path folder = org.steppe.config.ConfigDir.defaultFolder();
    return folder == null ? org.steppe.search.SteppeConfig.defaults() : org.steppe.search.SteppeConfig.fromFolder(folder);
  }

  public static Path steppeIndex(int scale) {
    return out().resolve("idx").resolve("steppe-" + scale);
  }

  public static Path luceneIndex(int scale) {
    return out().resolve("idx").resolve("lucene-" + scale);
  }

  public static void write(String name, Object value) throws IOException {
    Path p = results().resolve(name);
    JSON.writeValue(p.toFile(), value);
    System.out.println("bench: wrote " + p);
  }

  /** p50, p90, p99, max and mean of latencies in nanoseconds, as milliseconds. */
  public static Map<String, Object> latency(long[] nanos, int n) {
    long[] a = Arrays.copyOf(nanos, n);
    Arrays.sort(a);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", n);
    if (n == 0) {
      return m;
    }
    m.put("p50_ms", ms(pct(a, 50)));
    m.put("p90_ms", ms(pct(a, 90)));
    m.put("p99_ms", ms(pct(a, 99)));
    m.put("max_ms", ms(a[n - 1]));
    m.put("mean_ms", ms((long) Arrays.stream(a).average().orElse(0)));
    return m;
  }

  /** Nearest-rank percentile of a sorted array. */
  static long pct(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public static double ms(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  public static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** Peak resident set size of this process (VmHWM), in MB, or -1 off Linux. */
  public static double peakRssMb() {
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

  /** The largest heap this JVM has used: the sum of every heap pool's peak, in MB (an upper bound). */
  public static double peakHeapMb() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return round(sum / 1048576.0, 1);
  }

  /** Heap in use after a full collection, in MB. */
  public static double heapAfterGcMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return round((rt.totalMemory() - rt.freeMemory()) / 1048576.0, 1);
  }

  public static double maxHeapMb() {
    return round(Runtime.getRuntime().maxMemory() / 1048576.0, 1);
  }

  public static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /** The machine and JVM a result was measured on. */
  public static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nproc", Runtime.getRuntime().availableProcessors());
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      m.put("cpu", lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?"));
    } catch (IOException e) {
      m.put("cpu", "?");
    }
    try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
      m.put("mem", lines.filter(l -> l.startsWith("MemTotal")).findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?"));
    } catch (IOException e) {
      m.put("mem", "?");
    }
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> !a.startsWith("-Dbench")).toList());
    m.put("max_heap_mb", maxHeapMb());
    m.put("loadavg", loadAverage());
    m.put("time_utc", java.time.Instant.now().toString());
    return m;
  }

  public static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  public static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
  }

  public static void log(String fmt, Object... args) {
    System.out.printf("bench [%s, load %s]: %s%n", java.time.LocalTime.now().withNano(0),
        loadAverage().split(" ")[0], String.format(fmt, args));
    System.out.flush();
  }
}
