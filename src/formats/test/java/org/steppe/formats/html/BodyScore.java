package org.steppe.formats.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's measure: per page, precision and recall of the extracted
 * body's 4-word shingles against the true body's; both averaged over pages, F1 from the averages
 * (as {@code ../shared/tools/body_eval.py} computes it).
 */
final class BodyScore {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private final List<Double> precisions = new ArrayList<>();
  private final List<Double> recalls = new ArrayList<>();

  /** Adds one page; returns its {precision, recall} (NaN where undefined). */
  double[] add(String truth, String got) {
    Map<List<String>, Integer> t = shingles(truth);
    Map<List<String>, Integer> g = shingles(got);
    int tp = 0;
    for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
      tp += Math.min(e.getValue(), g.getOrDefault(e.getKey(), 0));
    }
    int fp = total(g) - tp;
    int fn = total(t) - tp;
    double p;
    double r;
    if (fp == 0 && fn == 0) {
      p = 1;
      r = 1;
    } else {
      p = tp + fp > 0 ? (double) tp / (tp + fp) : Double.NaN;
      r = tp + fn > 0 ? (double) tp / (tp + fn) : Double.NaN;
    }
    if (!Double.isNaN(p)) {
      precisions.add(p);
    }
    if (!Double.isNaN(r)) {
      recalls.add(r);
    }
    return new double[] {p, r};
  }

  double precision() {
    return precisions.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  double recall() {
    return recalls.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static int total(Map<List<String>, Integer> m) {
    return m.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static Map<List<String>, Integer> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text == null ? "" : text);
    while (m.find()) {
      words.add(m.group());
    }
    Map<List<String>, Integer> out = new HashMap<>();
    for (int i = 0; i < Math.max(1, words.size() - 3); i++) {
      List<String> s = words.subList(i, Math.min(words.size(), i + 4));
      if (!s.isEmpty()) {
        out.merge(List.copyOf(s), 1, Integer::sum);
      }
    }
    return out;
  }
}
