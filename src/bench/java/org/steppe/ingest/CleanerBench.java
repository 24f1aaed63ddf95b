package org.steppe.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.steppe.config.ConfigDir;

/**
 * Cleaning cost with and without the literal prefilter ({@link LinePatterns}): every Reuters-21578
 * story cleaned by both cleaners in alternating rounds on one thread, thread CPU time per story,
 * and the format's parse (decode and SGML) for scale. Lives in the ingest package to reach the
 * cleaner without the prefilter, which only tests and this benchmark use.
 *
 * <pre>java -cp target/bench/classes:$(cat target/bench/cp.txt) org.steppe.ingest.CleanerBench [rounds]</pre>
 */
public final class CleanerBench {
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    Path reuters = Path.of(System.getProperty("reuters", "../shared/datasets/reuters21578"));
    List<Path> files;
    try (Stream<Path> s = Files.list(reuters)) {
      files = s.filter(p -> p.toString().endsWith(".sgm")).sorted().toList();
    }
    ReutersSgmlFormat format = new ReutersSgmlFormat();
    List<SourceDocument> docs = new ArrayList<>();
    for (Path f : files) {
      docs.addAll(format.read(f.toString(), Files.readAllBytes(f), IngestListener.SILENT));
    }
    BoilerplateRules boilerplate = BoilerplateRules.load(config);
    MetadataRules metadata = MetadataRules.load(config);
    SourceCatalog sources = SourceCatalog.load(config);
    ArticleCleaner plain = new ArticleCleaner(boilerplate, metadata, sources, false);
    ArticleCleaner fast = new ArticleCleaner(boilerplate, metadata, sources, true);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      long t0 = cpu.getCurrentThreadCpuTime();
      for (Path f : files) {
        format.read(f.toString(), Files.readAllBytes(f), IngestListener.SILENT);
      }
      long t1 = cpu.getCurrentThreadCpuTime();
      long kept = 0;
      for (SourceDocument d : docs) {
        kept += plain.clean(d, Metadata.NONE).kept().size();
      }
      long t2 = cpu.getCurrentThreadCpuTime();
      for (SourceDocument d : docs) {
        kept -= fast.clean(d, Metadata.NONE).kept().size();
      }
      long t3 = cpu.getCurrentThreadCpuTime();
      System.out.printf("round %d: read+parse %.1f, clean plain %.1f, clean with prefilter %.1f µs CPU per story (%d stories, kept-line difference %d), load %s%n",
          r, (t1 - t0) / 1e3 / docs.size(), (t2 - t1) / 1e3 / docs.size(), (t3 - t2) / 1e3 / docs.size(), docs.size(), kept,
          Files.readString(Path.of("/proc/loadavg")).strip());
    }
  }
}
