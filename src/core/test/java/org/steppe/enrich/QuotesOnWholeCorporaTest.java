package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * Quotes and entities over whole corpora: all of Reuters-21578 (hard-wrapped wire copy) and PolNeAR
 * train (one paragraph per line), enriched once, in parallel, and shared by every check of this class.
 * A new corpus-wide check is one more test method over {@link #articles(String)}.
 */
class QuotesOnWholeCorporaTest {
  static final String REUTERS = "reuters";
  static final String POLNEAR_TRAIN = "polnear-train";
  private static final Map<String, List<EnrichedArticle>> CORPORA = new ConcurrentHashMap<>();
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+(?:['\u2019][\\p{L}\\p{N}_]+)?");
  /** A passage must be at least this long to count: shorter ones are mostly names and scare quotes. */
  private static final int MIN_PASSAGE = 25;

  @BeforeAll
  static void enrichOnce() throws Exception {
    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    Enricher enricher = Enricher.load(config);
    Path reuters = Path.of("../shared/datasets/reuters21578");
    Path polnear = Path.of("../shared/datasets/polnear/data/train/text");
    Map<String, List<Path>> files = Map.of(
        REUTERS, list(reuters, "reut2-"), POLNEAR_TRAIN, list(polnear, ""));
    assertEquals(22, files.get(REUTERS).size(), "all of Reuters-21578");
    assertEquals(840, files.get(POLNEAR_TRAIN).size(), "all of PolNeAR train");
    Map<String, Corpus> corpora = Map.of(REUTERS, Corpus.open(reuters, config, IngestListener.SILENT),
        POLNEAR_TRAIN, Corpus.open(polnear, config, IngestListener.SILENT));
    Map<String, ConcurrentLinkedQueue<EnrichedArticle>> out = Map.of(
        REUTERS, new ConcurrentLinkedQueue<>(), POLNEAR_TRAIN, new ConcurrentLinkedQueue<>());
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<?>> work = new ArrayList<>();
      files.forEach((name, paths) -> {
        for (Path f : paths) {
          work.add(pool.submit(() -> {
            for (Article a : corpora.get(name).read(f)) {
              out.get(name).add(enricher.enrich(a));
            }
          }));
        }
      });
      for (Future<?> w : work) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    out.forEach((name, q) -> CORPORA.put(name, List.copyOf(q)));
  }

  private static List<Path> list(Path dir, String prefix) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every enriched article of one corpus ({@link #REUTERS} or {@link #POLNEAR_TRAIN}). */
  static Collection<EnrichedArticle> articles(String corpus) {
    return CORPORA.get(corpus);
  }

  @Test
  void wireQuotesAreExtractedWhole() {
    double share = wholeShare(REUTERS);
    System.out.printf(Locale.ROOT, "Reuters-21578: %.3f of double-quoted passages whole%n", share);
    assertTrue(share >= 0.95, String.format(Locale.ROOT, "Reuters: %.3f of double-quoted passages whole", share));
  }

  @Test
  void newspaperQuotesAreExtractedWhole() {
    double share = wholeShare(POLNEAR_TRAIN);
    System.out.printf(Locale.ROOT, "PolNeAR train: %.3f of double-quoted passages whole%n", share);
    assertTrue(share >= 0.95, String.format(Locale.ROOT, "PolNeAR train: %.3f of double-quoted passages whole", share));
  }

  @Test
  void theWireSignOffIsNoOne() {
    long signOffs = articles(REUTERS).stream().flatMap(e -> e.entities().stream())
        .filter(en -> en.type() == EntityType.PERSON && en.name().toLowerCase(Locale.ROOT).matches("reuters?")).count();
    assertEquals(0, signOffs, "no person named after the sign-off (it was the top 'person', in 4,628 stories)");
  }

  @Test
  void companiesAndStrayMarksAreNoPeople() {
    List<String> bad = articles(REUTERS).stream().flatMap(e -> e.entities().stream())
        .filter(en -> en.type() == EntityType.PERSON)
        .map(Entity::name)
        .filter(n -> n.matches(".*\\b(Corp|Inc|Ltd|Co|Plc|Company|Bank)\\b.*") || n.matches(".*[<>()\"].*"))
        .distinct().toList();
    assertTrue(bad.size() <= 5, bad.size() + " company names or marks as people: " + bad.subList(0, Math.min(20, bad.size())));
  }

  /** One person, one entity: no bare surname or titled name beside the one full name the article gives ("Trump", "Mr. Cruz"). */
  @Test
  void aPersonNamedInFullIsOneEntity() {
    List<String> split = new ArrayList<>();
    for (String corpus : List.of(REUTERS, POLNEAR_TRAIN)) {
      for (EnrichedArticle e : articles(corpus)) {
        List<String> people = e.entities().stream().filter(x -> x.type() == EntityType.PERSON).map(Entity::name).toList();
        for (String p : people) {
          List<String> words = words(p);
          String last = words.isEmpty() ? "" : words.get(words.size() - 1);
          long fuller = people.stream().filter(q -> !q.equals(p) && words(q).size() > 1 && words(q).get(words(q).size() - 1).equals(last)).count();
          if (words.size() == 1 && fuller == 1) {
            split.add(e.article().id() + ": " + p);
          }
        }
      }
    }
    assertTrue(split.size() <= 10, split.size() + " bare surnames beside their person's full name: " + split.subList(0, Math.min(20, split.size())));
  }

  /**
   * US-politics text: an ambiguous seed-archive alias ("Senate", "Liberty") links nowhere unless the
   * article is about its country; it stays a plain mention under its own words.
   */
  @Test
  void ambiguousAliasesDoNotReachIntoUsPolitics() {
    List<String> wrong = articles(POLNEAR_TRAIN).stream()
        .filter(e -> !e.article().text().contains("Kazakh"))
        .flatMap(e -> e.mentions().stream().filter(m -> m.origin().equals(EntityMention.GAZETTEER))
            .map(m -> e.article().id() + ": " + m.name()))
        .filter(s -> s.matches(".*: (Senate of Kazakhstan|Liberty|Ministry of Foreign Affairs of Kazakhstan|Committee on Defense and Security)"))
        .toList();
    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " US-politics entities linked to Kazakh bodies");
  }

  /**
   * The share of double-quoted passages of {@value #MIN_PASSAGE}+ characters that one extracted quote
   * holds from its first to its last five words, running at most three words past either end (the
   * measure of the Reuters gold scorer). Passages are found independently of the extractor: wrapped
   * lines joined (a line break before a line starting with a non-space), then marks paired in order
   * within each paragraph.
   */
  private static double wholeShare(String corpus) {
    int passages = 0;
    int whole = 0;
    for (EnrichedArticle e : articles(corpus)) {
      List<List<String>> quotes = e.quotes().stream()
          .filter(q -> q.kind() != QuoteKind.INDIRECT).map(q -> words(q.text())).toList();
      for (String passage : passages(e.article().text())) {
        List<String> words = words(passage);
        passages++;
        if (quotes.stream().anyMatch(q -> holds(q, words))) {
          whole++;
        }
      }
    }
    assertTrue(passages > 1000, corpus + " has quoted passages: " + passages);
    return whole / (double) passages;
  }

  /** Double-quoted passages of text: wrapped lines joined, straight marks paired in order, curly ones by shape. */
  static List<String> passages(String text) {
    List<String> out = new ArrayList<>();
    for (String paragraph : text.replace("\r", "").replaceAll("\n(?=\\S)", " ").split("\n")) {
      Matcher m = Pattern.compile("\"([^\"]*)\"|\u201C([^\u201C\u201D]*)\u201D").matcher(paragraph);
      while (m.find()) {
        String p = m.group(1) != null ? m.group(1) : m.group(2);
        if (p.strip().length() >= MIN_PASSAGE) {
          out.add(p.strip());
        }
      }
    }
    return out;
  }

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** Whether {@code quote} holds the passage's first and last five words in order, with at most three words beyond. */
  static boolean holds(List<String> quote, List<String> passage) {
    List<String> first = passage.subList(0, Math.min(5, passage.size()));
    List<String> last = passage.subList(Math.max(0, passage.size() - 5), passage.size());
    int i = indexOf(quote, first, 0);
    int j = i < 0 ? -1 : indexOf(quote, last, i);
    return j >= 0 && i + quote.size() - (j + last.size()) <= 3;
  }

  private static int indexOf(List<String> seq, List<String> sub, int from) {
    for (int i = from; i + sub.size() <= seq.size(); i++) {
      if (seq.subList(i, i + sub.size()).equals(sub)) {
        return i;
      }
    }
    return -1;
  }
}
