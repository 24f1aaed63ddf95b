package org.steppe.enrich.ner;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores predicted names against gold ones as conlleval does: a name counts only when its start,
 * end and type all match; precision, recall and F1 per type and micro-averaged over all names.
 * Not thread-safe: one evaluation accumulates one run.
 */
public final class NerEvaluation {

  /** Counts for one entity type (or for all). */
  public static final class Counts {
    int gold;
    int predicted;
    int correct;

    public int gold() {
      return gold;
    }

    public int predicted() {
      return predicted;
    }

    public int correct() {
      return correct;
    }

    /** Correct over predicted, in percent; 0 when nothing was predicted, as conlleval prints. */
    public double precision() {
      return predicted == 0 ? 0 : 100.0 * correct / predicted;
    }

    /** Correct over gold, in percent. */
    public double recall() {
      return gold == 0 ? 0 : 100.0 * correct / gold;
    }

    /** Harmonic mean of precision and recall, in percent. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private final Counts all = new Counts();
  private final Map<String, Counts> byType = new TreeMap<>();
  private int sentences;
  private int tokens;
  private long taggingNanos;

  /** Adds one sentence's gold and predicted names. */
  public void add(int sentenceTokens, NameSpan[] gold, NameSpan[] predicted) {
    sentences++;
    tokens += sentenceTokens;
    Set<NameSpan> goldSet = new HashSet<>(Arrays.asList(gold));
    for (NameSpan g : gold) {
      all.gold++;
      counts(g.type()).gold++;
    }
    for (NameSpan p : predicted) {
      all.predicted++;
      Counts c = counts(p.type());
      c.predicted++;
      // NameSpan.equals compares start, end and type: exactly conlleval's definition of a correct chunk.
      if (goldSet.remove(p)) {
        all.correct++;
        c.correct++;
      }
    }
  }

  /** Adds CPU time spent tagging, so the report can state throughput. */
  public void addTaggingTime(long nanos) {
    taggingNanos += nanos;
  }

  /** Tokens tagged per second of tagging CPU time, or 0 if no time was recorded. */
  public double tokensPerSecond() {
    return taggingNanos == 0 ? 0 : tokens / (taggingNanos / 1e9);
  }

  private Counts counts(String type) {
    return byType.computeIfAbsent(type == null ? "?" : type, t -> new Counts());
  }

  /** Micro-averaged counts over all types. */
  public Counts overall() {
    return all;
  }

  /** Counts for one type label, e.g. {@code person}; empty counts if the type never occurred. */
  public Counts type(String label) {
    return byType.getOrDefault(label, new Counts());
  }

  public List<String> types() {
    return List.copyOf(byType.keySet());
  }

  /** The report: one line per type, the overall line, and last {@code F1 <percent>}. */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%d sentences, %d tokens, %d gold names, %d predicted, %d correct%n",
        sentences, tokens, all.gold, all.predicted, all.correct));
    if (taggingNanos > 0) {
      sb.append(String.format(Locale.ROOT, "tagging: %.2f s of CPU, %.0f tokens/s on one core%n", taggingNanos / 1e9, tokensPerSecond()));
    }
    sb.append(String.format(Locale.ROOT, "%-14s %9s %9s %9s %7s %7s%n", "type", "precision", "recall", "F1", "gold", "found"));
    for (Map.Entry<String, Counts> e : byType.entrySet()) {
      sb.append(line(e.getKey(), e.getValue()));
    }
    sb.append(line("overall", all));
    sb.append(String.format(Locale.ROOT, "F1 %.2f", all.f1()));
    return sb.toString();
  }

  private static String line(String name, Counts c) {
    return String.format(Locale.ROOT, "%-14s %9.2f %9.2f %9.2f %7d %7d%n", name, c.precision(), c.recall(), c.f1(), c.gold, c.predicted);
  }
}
