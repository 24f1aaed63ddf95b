package org.steppe.eval;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The gold quotations of a PolNeAR split ({@code text/*.txt}, {@code attributions/*.ann}): the
 * attributions whose content is in quote marks, with the name tokens of their source, read as
 * {@code polnear_gold.py} and {@code quote_eval.py} read them.
 */
public final class PolnearGold {
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

  /**
   * One gold quotation: where its content is, the source's text and its name tokens.
   *
   * @param file the article's file name without extension
   * @param names the source's name tokens; empty for pronouns and descriptions
   * @param pronoun whether the source is a pronoun
   */
  public record Gold(String file, int start, int end, String source, Set<String> names, boolean pronoun) {}

  private PolnearGold() {}

  /** Gold quotations by article (file name without extension), first annotator of each article. */
  public static Map<String, List<Gold>> read(Path split) throws IOException {
    Path textDir = split.resolve("text");
    Set<String> common = commonWords(textDir);
    Map<String, List<Gold>> out = new HashMap<>();
    List<Path> anns;
    try (Stream<Path> files = Files.list(split.resolve("attributions"))) {
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

  /** Name tokens of a speaker, as quote_eval.py reads them. */
  public static Set<String> nameTokens(String s) {
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

  /** Whether a speaker's name shares a name token with {@code names}. */
  public static boolean shares(String speaker, Set<String> names) {
    if (speaker == null) {
      return false;
    }
    Set<String> s = nameTokens(speaker);
    s.retainAll(names);
    return !s.isEmpty();
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
