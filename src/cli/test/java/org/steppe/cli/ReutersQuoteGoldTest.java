package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticleJson;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * Quotes on hard-wrapped wire copy, scored against the team's hand-made Reuters gold
 * ({@code src/core/test/resources/reuters-quotes/gold.tsv}) by the very scorer the hidden gold is checked
 * with, {@code ../shared/tools/reuters_quote_eval.py}, run on {@code extract}'s own JSON. Running the
 * scorer rather than a Java copy of it means the figures here cannot drift from the official ones
 * (tokenisation, matching and counting are the scorer's, down to Python's {@code \w}); the test is
 * skipped, saying so, where no {@code python3} is installed.
 */
class ReutersQuoteGoldTest {
  private static final Path GOLD = Path.of("src/core/test/resources/reuters-quotes/gold.tsv");
  private static final Path SCORER = Path.of("../shared/tools/reuters_quote_eval.py");
  private static final Path REUTERS = Path.of("../shared/datasets/reuters21578");

  @Test
  void quotesOfTheGoldStoriesAreWholeAndAttributed(@TempDir Path tmp) throws Exception {
    assumeTrue(python(), "python3 is not installed: the Reuters gold scorer cannot run");
    Set<String> stories = goldStories();
    assertTrue(stories.size() >= 30, "the gold covers at least 30 stories: " + stories.size());

    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    Enricher enricher = Enricher.load(config);
    Corpus corpus = Corpus.open(REUTERS, config, IngestListener.SILENT);
    List<String> lines = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(REUTERS)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("reut2-")).sorted().toList();
    }
    for (Path file : files) {
      for (Article a : corpus.read(file)) {
        if (stories.contains(a.id())) {
          lines.add(EnrichedArticleJson.line(enricher.enrich(a), file.toString()));
        }
      }
    }
    assertEquals(stories.size(), lines.size(), "every gold story is read");
    Path extract = tmp.resolve("extract.jsonl");
    Files.write(extract, lines, StandardCharsets.UTF_8);

    String report = score(extract);
    System.out.println("Reuters gold:\n" + report);
    double whole = figure(report, "found whole \\d+ \\(([0-9.]+)\\)");
    double f1 = figure(report, "(?m)^F1 ([0-9.]+)$");
    // Issue 12, done when: at least 90 % of the quoted passages found whole.
    assertTrue(whole >= 0.90, "passages found whole: " + report);
    // The target is attribution F1 0.85 (the speakers' half of issue 12); this floor guards what is reached.
    assertTrue(f1 >= 0.80, "attribution F1: " + report);
  }

  private static Set<String> goldStories() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        ids.add(line.split("\t", 2)[0].strip());
      }
    }
    return ids;
  }

  private static String score(Path extract) throws Exception {
    Process p = new ProcessBuilder("python3", SCORER.toString(), GOLD.toString(), extract.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the scorer finishes");
    assertEquals(0, p.exitValue(), "the scorer runs: " + out);
    return out;
  }

  private static double figure(String report, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(report);
    assertTrue(m.find(), "the scorer reports " + pattern + ": " + report);
    return Double.parseDouble(m.group(1));
  }

  private static boolean python() {
    try {
      Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
