package org.steppe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares two {@code boilerplate.yaml} files in one JVM: that every chrome and metadata-line
 * pattern decides every line the same way (lines of Reuters-21578, PolNeAR, corpus/ and the test
 * sources, read as UTF-8 and as Latin-1), and how long each rule set takes per Reuters line,
 * alternating old and new.
 *
 * <pre>git show HEAD~1:index-config/boilerplate.yaml &gt; /tmp/old.yaml
 * java -cp ... org.steppe.bench.BoilerplateCheck /tmp/old.yaml index-config/boilerplate.yaml</pre>
 */
public final class BoilerplateCheck {
  public static void main(String[] args) throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode a = yaml.readTree(Path.of(args[0]).toFile());
    JsonNode b = yaml.readTree(Path.of(args[1]).toFile());
    List<String> lines = new ArrayList<>();
    for (String root : List.of(Bench.reuters().toString(), Bench.reuters().resolveSibling("polnear").toString(), "corpus", "src/core/test", "src/formats/test")) {
      if (!Files.isDirectory(Path.of(root))) {
        continue;
      }
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          byte[] bytes = Files.readAllBytes(p);
          lines.addAll(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
          lines.addAll(List.of(new String(bytes, StandardCharsets.ISO_8859_1).split("\n")));
        }
      }
    }
    int differences = 0;
    for (String section : List.of("chrome", "metadata-lines")) {
      for (int i = 0; i < Math.min(a.get(section).size(), b.get(section).size()); i++) {
        Pattern pa = Pattern.compile(a.get(section).get(i).asText());
        Pattern pb = Pattern.compile(b.get(section).get(i).asText());
        if (pa.pattern().equals(pb.pattern())) {
          continue;
        }
        int diff = 0;
        for (String l : lines) {
          if (pa.matcher(l).find() != pb.matcher(l).find()) {
            diff++;
          }
        }
        differences += diff;
        System.out.printf("%s[%d]: %d lines decided differently of %d%n", section, i, diff, lines.size());
      }
    }
    List<String> reuters = new ArrayList<>();
    try (Stream<Path> s = Files.list(Bench.reuters())) {
      for (Path f : s.filter(p -> p.toString().endsWith(".sgm")).sorted().toList()) {
        for (var d : new org.steppe.ingest.ReutersSgmlFormat().read(f.toString(),
            Files.readAllBytes(f), org.steppe.ingest.IngestListener.SILENT)) {
          for (String l : d.text().split("\n")) {
            if (!l.isBlank()) {
              reuters.add(l);
            }
          }
        }
      }
    }
    for (int rep = 0; rep < 6; rep++) {
      JsonNode rules = rep % 2 == 0 ? a : b;
      List<Pattern> ps = new ArrayList<>();
      for (String section : List.of("chrome", "metadata-lines")) {
        rules.get(section).forEach(x -> ps.add(Pattern.compile(x.asText())));
      }
      long t0 = System.nanoTime();
      int hits = 0;
      for (String l : reuters) {
        for (Pattern p : ps) {
          if (p.matcher(l).find()) {
            hits++;
            break;
          }
        }
      }
      long t = System.nanoTime() - t0;
      System.out.printf("%s: %d Reuters lines, %d boilerplate, %.2f us/line%n", rep % 2 == 0 ? args[0] : args[1], reuters.size(),
          hits, t / 1e3 / reuters.size());
    }
    System.out.println(differences == 0 ? "same decisions on every line" : differences + " differences");
  }
}
