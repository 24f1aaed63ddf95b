package org.steppe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.Quote;
import org.steppe.enrich.QuoteKind;
import org.steppe.enrich.Token;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Scores quote extraction on a PolNeAR split: detection of quotations in quote marks, speaker
 * attribution for named and pronoun sources, and the named-source precision/recall/F1 of
 * {@code quote_eval.py}, with throughput. The last line printed is {@code F1 <number>}.
 */
@Command(name = "eval-quotes", mixinStandardHelpOptions = true,
    description = "Score quote extraction and attribution on a PolNeAR split (text/*.txt, attributions/*.ann).")
public final class EvalQuotesCommand implements Callable<Integer> {
  private static final String QUOTE_MARKS = "\"\u201C\u201D";
  private static final Pattern QUOTATION = Pattern.compile("[\"\u201C]([^\"\u201C\u201D]{8,})[\"\u201D]");
  private static final Pattern CAP_WORD = Pattern.compile("[A-Z][\\w'\u2019.-]+");
  private static final Pattern ANY_WORD = Pattern.compile("[A-Za-z][\\w'\u2019-]+");
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you", "his", "her",
      "their", "who", "which", "that");
  private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december");
  private static final Set<String> SPEAKER_STOP = Set.of("the", "us", "u.s.", "a", "an", "his", "her", "their",
      "its", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "sen.", "rep.", "gov.", "president", "former", "new",
      "according");

  @Parameters(index = "0", description = "PolNeAR split folder, e.g. ../shared/datasets/polnear/data/dev")
  Path split;

  @Option(names = "--config", description = "configuration folder (default: index-config/ or the built-in one)")
  Path config;

  @Option(names = "--jsonl", description = "also write the quotes as extract-style JSON lines to this file")
  Path jsonl;

  @Option(names = "--errors", description = "print each named-source miss and wrong speaker")
  boolean errors;

  @Option(names = "--timing-passes", defaultValue = "3",
      description = "extra passes of quote extraction alone, timed after warm-up (default ${DEFAULT-VALUE})")
  int timingPasses;

  /** One gold quotation: where its Content is, the Source text and its name tokens. */
  record Gold(String file, int start, int end, String source, Set<String> names, boolean pronoun) {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new EvalQuotesCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    Path textDir = split.resolve("text");
    Path annDir = split.resolve("attributions");
    ConfigDir cfg = config == null ? ConfigDir.defaultLocation() : ConfigDir.of(config);
    Set<String> common = commonWords(textDir);
    Map<String, List<Gold>> gold = readGold(textDir, annDir, common);
    Corpus corpus = Corpus.open(textDir, cfg, IngestListener.SILENT);
    Enricher enricher = Enricher.load(cfg);

    Map<String, List<Quote>> system = new HashMap<>();
    List<EnrichedArticle> enriched = new ArrayList<>();
    long tokens = 0;
    long nanos = 0;
    ObjectMapper json = new ObjectMapper();
    PrintWriter out = jsonl == null ? null : new PrintWriter(Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8));
    for (Path file : corpus.files()) {
      for (Article a : corpus.read(file)) {
        long t0 = System.nanoTime();
        EnrichedArticle e = enricher.enrich(a);
        nanos += System.nanoTime() - t0;
        tokens += Token.tokenize(a.text()).size();
        String base = stem(a.file());
        system.put(base, e.quotes());
        enriched.add(e);
        if (out != null) {
          ObjectNode line = json.createObjectNode();
          line.put("id", a.id());
          line.put("file", a.file());
          ArrayNode qs = line.putArray("quotes");
          for (Quote q : e.quotes()) {
            ObjectNode o = qs.addObject();
            o.put("text", q.text());
            o.put("start", q.start());
            o.put("end", q.end());
            o.put("kind", q.kind().label());
            o.put("speaker", q.speaker());
            o.put("role", q.role());
            o.put("speakerMention", q.speakerMention() == null ? null : q.speakerMention().text());
          }
          out.println(json.writeValueAsString(line));
        }
      }
    }
    if (out != null) {
      out.close();
    }
    report(gold, system, tokens, nanos);
    // Quote extraction alone, on the same articles and entity mentions, after the JIT has warmed up.
    org.steppe.enrich.QuoteExtractor extractor = org.steppe.enrich.quote.RuleQuoteExtractor.load(cfg,
        org.steppe.enrich.Gazetteer.load(cfg), org.steppe.enrich.SpeechVerbs.load(cfg));
    long quoteNanos = 0;
    for (int pass = 0; pass <= timingPasses; pass++) {
      long t0 = System.nanoTime();
      for (EnrichedArticle e : enriched) {
        extractor.extract(e.article().cleanText(), e.mentions());
      }
      if (pass > 0) {
        quoteNanos += System.nanoTime() - t0;
      }
    }
    if (timingPasses > 0) {
      double seconds = quoteNanos / 1e9;
      System.out.printf(Locale.ROOT, "throughput, quote extraction alone: %.0f tokens/s (%d passes)%n",
          tokens * (double) timingPasses / seconds, timingPasses);
    }
    System.out.printf(Locale.ROOT, "F1 %.3f%n", lastF1);
    return 0;
  }

  private double lastF1;

  private void report(Map<String, List<Gold>> gold, Map<String, List<Quote>> system, long tokens, long nanos) {
    int goldAll = 0;
    int detected = 0;
    int sysMarked = 0;
    int sysHit = 0;
    int namedGold = 0;
    int namedCorrect = 0;
    int namedDetected = 0;
    int namedDetectedCorrect = 0;
    int pronounDetected = 0;
    int pronounCorrect = 0;
    int considered = 0;
    int correctSys = 0;
    for (Map.Entry<String, List<Gold>> entry : gold.entrySet()) {
      List<Gold> gs = entry.getValue();
      if (gs.isEmpty()) {
        continue; // as quote_eval.py: articles with no gold quotation are not scored
      }
      List<Quote> qs = system.getOrDefault(entry.getKey(), List.of()).stream()
          .filter(q -> q.kind() != QuoteKind.INDIRECT).toList();
      String lastNamedSource = null;
      for (Gold g : gs) {
        goldAll++;
        List<Quote> hits = qs.stream().filter(q -> q.start() < g.end() && g.start() < q.end()).toList();
        if (!hits.isEmpty()) {
          detected++;
        }
        boolean right = hits.stream().anyMatch(q -> shares(q.speaker(), g.names()));
        if (!g.names().isEmpty()) {
          namedGold++;
          if (right) {
            namedCorrect++;
          }
          if (!hits.isEmpty()) {
            namedDetected++;
            if (right) {
              namedDetectedCorrect++;
            }
          }
          if (errors && !right) {
            System.out.printf("MISS %s [%d,%d) gold=%s sys=%s%n", g.file(), g.start(), g.end(), g.source(),
                hits.stream().map(q -> q.speaker() + "@" + q.start() + "/"
                    + (q.speakerMention() == null ? "-" : q.speakerMention().text())).toList());
          }
          lastNamedSource = g.source();
        } else if (g.pronoun() && !hits.isEmpty()) {
          // No coreference in PolNeAR: the last named source before it stands in for the antecedent.
          pronounDetected++;
          Set<String> antecedent = lastNamedSource == null ? Set.of() : nameTokens(lastNamedSource);
          if (hits.stream().anyMatch(q -> shares(q.speaker(), antecedent))) {
            pronounCorrect++;
          }
        }
      }
      for (Quote q : qs) {
        sysMarked++;
        List<Gold> over = gs.stream().filter(g -> q.start() < g.end() && g.start() < q.end()).toList();
        if (!over.isEmpty()) {
          sysHit++;
        }
        if (q.speaker() == null) {
          continue;
        }
        if (over.isEmpty() || over.stream().anyMatch(g -> !g.names().isEmpty())) {
          considered++;
          if (over.stream().anyMatch(g -> !g.names().isEmpty() && shares(q.speaker(), g.names()))) {
            correctSys++;
          } else if (errors) {
            System.out.printf("WRONG %s [%d,%d) sys=%s gold=%s text=%.60s%n", entry.getKey(), q.start(), q.end(),
                q.speaker(), over.stream().map(Gold::source).toList(), q.text());
          }
        }
      }
    }
    double p = considered == 0 ? 0 : (double) correctSys / considered;
    double r = namedGold == 0 ? 0 : (double) namedCorrect / namedGold;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    System.out.printf(Locale.ROOT, "articles %d, gold quotations in quote marks %d%n", gold.size(), goldAll);
    System.out.printf(Locale.ROOT, "detection: recall %.3f (%d/%d), precision %.3f (%d/%d direct+partial quotes overlap gold)%n",
        ratio(detected, goldAll), detected, goldAll, ratio(sysHit, sysMarked), sysHit, sysMarked);
    System.out.printf(Locale.ROOT, "attribution, named sources: %.3f (%d/%d detected)%n",
        ratio(namedDetectedCorrect, namedDetected), namedDetectedCorrect, namedDetected);
    System.out.printf(Locale.ROOT, "attribution, pronoun sources (vs last named source): %.3f (%d/%d detected)%n",
        ratio(pronounCorrect, pronounDetected), pronounCorrect, pronounDetected);
    System.out.printf(Locale.ROOT, "named-source quotes %d: precision %.3f (%d/%d) recall %.3f (%d/%d)%n",
        namedGold, p, correctSys, considered, r, namedCorrect, namedGold);
    double seconds = nanos / 1e9;
    System.out.printf(Locale.ROOT, "throughput: %d tokens in %.2f s enrich time = %.0f tokens/s%n",
        tokens, seconds, seconds == 0 ? 0 : tokens / seconds);
    lastF1 = f;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static boolean shares(String speaker, Set<String> names) {
    if (speaker == null) {
      return false;
    }
    Set<String> s = nameTokens(speaker);
    s.retainAll(names);
    return !s.isEmpty();
  }

  /** Name tokens of a speaker, as quote_eval.py reads them. */
  static Set<String> nameTokens(String s) {
    Set<String> out = new HashSet<>();
    Matcher m = CAP_WORD.matcher(s == null ? "" : s);
    while (m.find()) {
      String w = strip(m.group()).toLowerCase(Locale.ROOT);
      w = removeSuffix(removeSuffix(w, "\u2019s"), "'s");
      if (!SPEAKER_STOP.contains(w) && w.length() >= 3) {
        out.add(w);
      }
    }
    return out;
  }

  private static String strip(String w) {
    int a = 0;
    int b = w.length();
    while (a < b && ".,\u2019'".indexOf(w.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && ".,\u2019'".indexOf(w.charAt(b - 1)) >= 0) {
      b--;
    }
    return w.substring(a, b);
  }

  private static String removeSuffix(String w, String suffix) {
    return w.endsWith(suffix) ? w.substring(0, w.length() - suffix.length()) : w;
  }

  private static String stem(String file) {
    String name = Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Words written in lower case more often than capitalised in the split: not names (as polnear_gold.py). */
  private static Set<String> commonWords(Path textDir) throws IOException {
    Map<String, Integer> low = new HashMap<>();
    Map<String, Integer> cap = new HashMap<>();
    try (Stream<Path> files = Files.list(textDir)) {
      for (Path p : files.toList()) {
        Matcher m = ANY_WORD.matcher(Files.readString(p, StandardCharsets.UTF_8));
        while (m.find()) {
          String w = m.group();
          (Character.isUpperCase(w.charAt(0)) ? cap : low).merge(w.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    }
    Set<String> out = new HashSet<>();
    low.forEach((w, n) -> {
      if (n >= 3 && n > cap.getOrDefault(w, 0)) {
        out.add(w);
      }
    });
    return out;
  }

  /** Gold quotations: attributions whose Content is in quote marks, first annotator of each article. */
  private static Map<String, List<Gold>> readGold(Path textDir, Path annDir, Set<String> common) throws IOException {
    Map<String, List<Gold>> out = new HashMap<>();
    List<Path> anns;
    try (Stream<Path> files = Files.list(annDir)) {
      anns = files.filter(p -> p.toString().endsWith(".ann")).sorted().toList();
    }
    for (Path ann : anns) {
      String name = ann.getFileName().toString();
      String base = name.substring(0, name.lastIndexOf('_'));
      if (out.containsKey(base)) {
        continue;
      }
      Path textFile = textDir.resolve(base + ".txt");
      if (!Files.exists(textFile)) {
        continue;
      }
      String text = Files.readString(textFile, StandardCharsets.UTF_8);
      List<Gold> golds = new ArrayList<>();
      out.put(base, golds);
      Map<String, int[]> spans = new HashMap<>();
      Map<String, String> texts = new HashMap<>();
      List<Map<String, String>> relations = new ArrayList<>();
      for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t", 3);
        if (line.startsWith("T") && parts.length == 3) {
          String[] kindPos = parts[1].split(" ", 2);
          String[] pos = kindPos[1].split(";")[0].trim().split(" ");
          spans.put(parts[0], new int[] {Integer.parseInt(pos[0]), Integer.parseInt(pos[1])});
          texts.put(parts[0], parts[2]);
        } else if (line.startsWith("E") && parts.length >= 2) {
          Map<String, String> rel = new HashMap<>();
          for (String p : parts[1].trim().split(" ")) {
            String[] kv = p.split(":", 2);
            if (kv.length == 2) {
              rel.put(kv[0], kv[1]);
            }
          }
          relations.add(rel);
        }
      }
      for (Map<String, String> rel : relations) {
        if (!rel.containsKey("Content") || !rel.containsKey("Source")) {
          continue;
        }
        int[] c = spans.get(rel.get("Content"));
        String source = texts.get(rel.get("Source"));
        if (c == null || source == null || c[1] > text.length()) {
          continue;
        }
        String window = text.substring(Math.max(0, c[0] - 2), Math.min(text.length(), c[1] + 2));
        if (window.chars().noneMatch(ch -> QUOTE_MARKS.indexOf(ch) >= 0)) {
          continue;
        }
        if (!QUOTATION.matcher(text.substring(Math.max(0, c[0] - 1), Math.min(text.length(), c[1] + 1))).find()) {
          continue;
        }
        Set<String> names = sourceNames(source, common);
        boolean pronoun = PRONOUNS.contains(source.strip().toLowerCase(Locale.ROOT));
        golds.add(new Gold(base, c[0], c[1], source, names, pronoun));
      }
    }
    return out;
  }

  /** Name tokens of a gold Source: empty for pronouns and descriptions (as polnear_gold.py). */
  private static Set<String> sourceNames(String source, Set<String> common) {
    List<String> words = new ArrayList<>();
    Matcher m = CAP_WORD.matcher(source);
    while (m.find()) {
      String w = m.group().replaceAll("^[.,\u2019']+|[.,\u2019']+$", "");
      String lower = w.toLowerCase(Locale.ROOT);
      String bare = removeSuffix(removeSuffix(lower, "\u2019s"), "'s");
      if (w.length() >= 3 && !PRONOUNS.contains(lower) && !CALENDAR.contains(lower) && !common.contains(lower)
          && !common.contains(bare)) {
        words.add(w);
      }
    }
    if (!words.isEmpty() && words.stream().allMatch(w -> w.equals(w.toUpperCase(Locale.ROOT)))) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(removeSuffix(removeSuffix(w.toLowerCase(Locale.ROOT), "\u2019s"), "'s"));
    }
    return out;
  }
}
