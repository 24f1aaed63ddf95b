package org.steppe.enrich.ner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Learns word clusters from unlabelled sentences with the exchange algorithm (Kneser and Ney
 * 1993; Martin, Liermann and Ney 1998): each word is moved, in turn, to the class that most raises
 * the likelihood of a class bigram model, until few words move. Words used alike ("Nazarbayev",
 * "Yeltsin", "Clinton") end up together, which lets the tagger treat a name it never saw like the
 * names it did. Runs once per resolution (e.g. 64, 256 and 1024 classes). Deterministic: words are
 * visited in order of frequency, ties broken by spelling, so the same text gives the same clusters.
 *
 * @param classes the number of classes of each resolution, at most 1024 and at most three resolutions
 * @param minCount words seen fewer times get no cluster
 * @param iterations most passes over the vocabulary per resolution
 */
public record WordClusterer(int[] classes, int minCount, int iterations) {
  private static final int TABLE = 1 << 20;
  private static final double[] X_LOG_X = new double[TABLE];

  static {
    for (int x = 1; x < TABLE; x++) {
      X_LOG_X[x] = x * Math.log(x);
    }
  }

  public WordClusterer {
    classes = classes.clone();
    if (classes.length < 1 || classes.length > 3 || Arrays.stream(classes).anyMatch(c -> c < 2 || c > 1024)) {
      throw new IllegalArgumentException("1 to 3 resolutions of 2 to 1024 classes each");
    }
    if (minCount < 1 || iterations < 1) {
      throw new IllegalArgumentException("minCount and iterations must be positive");
    }
  }

  /** Gathers word and bigram counts sentence by sentence; then {@link #cluster}. */
  public static final class Counts {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();
    private final List<int[]> sentences = new ArrayList<>();
    private long tokens;

    public Counts() {
      ids.put("", 0); // the sentence boundary
      words.add("");
    }

    /** Adds one sentence's words. */
    public void add(String[] sentence) {
      int[] s = new int[sentence.length];
      for (int i = 0; i < s.length; i++) {
        s[i] = ids.computeIfAbsent(sentence[i], w -> {
          words.add(w);
          return words.size() - 1;
        });
      }
      sentences.add(s);
      tokens += s.length;
    }

    public long tokens() {
      return tokens;
    }
  }

  /** The clusters of every word seen at least {@code minCount} times, at each resolution. */
  public Map<String, int[]> cluster(Counts counts, PrintStream progress) {
    // Vocabulary: frequent words, by falling frequency then spelling; the rest share one id.
    int[] freq = new int[counts.words.size()];
    for (int[] s : counts.sentences) {
      for (int w : s) {
        freq[w]++;
      }
      freq[0] += 1;
    }
    Integer[] order = new Integer[freq.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -freq[i]).thenComparing(i -> counts.words.get(i)));
    int[] index = new int[freq.length];
    List<String> vocabulary = new ArrayList<>();
    int rare = -1;
    for (int i : order) {
      if (i == 0 || freq[i] >= minCount) {
        index[i] = vocabulary.size();
        vocabulary.add(counts.words.get(i));
      } else {
        index[i] = -1;
      }
    }
    rare = vocabulary.size();
    vocabulary.add(null);
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0) {
        index[i] = rare;
      }
    }
    Bigrams bigrams = new Bigrams(vocabulary.size(), counts.sentences, index);
    int[][] assignments = new int[classes.length][];
    for (int r = 0; r < classes.length; r++) {
      assignments[r] = exchange(bigrams, classes[r], progress);
    }
    Map<String, int[]> out = new LinkedHashMap<>();
    for (int v = 0; v < rare; v++) {
      if (vocabulary.get(v).isEmpty()) {
        continue;
      }
      int[] ids = new int[classes.length];
      for (int r = 0; r < classes.length; r++) {
        ids[r] = assignments[r][v];
      }
      out.put(vocabulary.get(v), ids);
    }
    return out;
  }

  /** The word bigram counts, both ways, as compressed rows. */
  private static final class Bigrams {
    final int words;
    final int[] rightStart;
    final int[] right;
    final int[] rightCount;
    final int[] leftStart;
    final int[] left;
    final int[] leftCount;
    final int[] self;

    Bigrams(int words, List<int[]> sentences, int[] index) {
      this.words = words;
      Map<Long, Integer> pairs = new HashMap<>();
      for (int[] s : sentences) {
        int prev = index[0];
        for (int i = 0; i <= s.length; i++) {
          int w = i < s.length ? index[s[i]] : index[0];
          pairs.merge((long) prev * words + w, 1, Integer::sum);
          prev = w;
        }
      }
      long[] keys = pairs.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
      self = new int[words];
      rightStart = new int[words + 1];
      leftStart = new int[words + 1];
      for (long k : keys) {
        int a = (int) (k / words);
        int b = (int) (k % words);
        if (a == b) {
          self[a] = pairs.get(k);
        } else {
          rightStart[a + 1]++;
          leftStart[b + 1]++;
        }
      }
      for (int i = 0; i < words; i++) {
        rightStart[i + 1] += rightStart[i];
        leftStart[i + 1] += leftStart[i];
      }
      right = new int[rightStart[words]];
      rightCount = new int[right.length];
      left = new int[leftStart[words]];
      leftCount = new int[left.length];
      int[] rightFill = rightStart.clone();
      int[] leftFill = leftStart.clone();
      for (long k : keys) {
        int a = (int) (k / words);
        int b = (int) (k % words);
        int n = pairs.get(k);
        if (a != b) {
          right[rightFill[a]] = b;
          rightCount[rightFill[a]++] = n;
          left[leftFill[b]] = a;
          leftCount[leftFill[b]++] = n;
        }
      }
    }
  }

  /** One resolution: the class of every vocabulary word (the last, the rare-word id, included). */
  private int[] exchange(Bigrams g, int c, PrintStream progress) {
    int v = g.words;
    int[] cls = new int[v];
    for (int w = 0; w < v; w++) {
      cls[w] = w % c; // the c most frequent words start alone, the rest round-robin
    }
    // Class bigram counts, and the same transposed so that both directions are read along rows.
    int[] pair = new int[c * c];
    int[] pairT = new int[c * c];
    long[] leftTotal = new long[c];
    long[] rightTotal = new long[c];
    for (int a = 0; a < v; a++) {
      for (int k = g.rightStart[a]; k < g.rightStart[a + 1]; k++) {
        pair[cls[a] * c + cls[g.right[k]]] += g.rightCount[k];
      }
      pair[cls[a] * c + cls[a]] += g.self[a];
    }
    for (int a = 0; a < c; a++) {
      for (int b = 0; b < c; b++) {
        pairT[b * c + a] = pair[a * c + b];
      }
    }
    for (int a = 0; a < c; a++) {
      for (int b = 0; b < c; b++) {
        leftTotal[a] += pair[a * c + b];
        rightTotal[b] += pair[a * c + b];
      }
    }
    long[] toClass = new long[c];
    long[] fromClass = new long[c];
    int[] rightClasses = new int[c];
    int[] leftClasses = new int[c];
    for (int pass = 1; pass <= iterations; pass++) {
      int moves = 0;
      for (int w = 0; w < v; w++) {
        // w's bigram counts by the class of its neighbour, w itself left out.
        int nr = 0;
        int nl = 0;
        for (int k = g.rightStart[w]; k < g.rightStart[w + 1]; k++) {
          int d = cls[g.right[k]];
          if (toClass[d] == 0) {
            rightClasses[nr++] = d;
          }
          toClass[d] += g.rightCount[k];
        }
        for (int k = g.leftStart[w]; k < g.leftStart[w + 1]; k++) {
          int d = cls[g.left[k]];
          if (fromClass[d] == 0) {
            leftClasses[nl++] = d;
          }
          fromClass[d] += g.leftCount[k];
        }
        long selfCount = g.self[w];
        long asLeft = selfCount;
        long asRight = selfCount;
        for (int k = 0; k < nr; k++) {
          asLeft += toClass[rightClasses[k]];
        }
        for (int k = 0; k < nl; k++) {
          asRight += fromClass[leftClasses[k]];
        }
        // Take w out of its class.
        int a = cls[w];
        move(pair, pairT, leftTotal, rightTotal, c, a, -1, rightClasses, nr, toClass, leftClasses, nl, fromClass, selfCount, asLeft, asRight);
        int best = a;
        double bestGain = gain(pair, pairT, leftTotal, rightTotal, c, a, rightClasses, nr, toClass, leftClasses, nl, fromClass, selfCount, asLeft, asRight);
        for (int b = 0; b < c; b++) {
          if (b != a) {
            double gain = gain(pair, pairT, leftTotal, rightTotal, c, b, rightClasses, nr, toClass, leftClasses, nl, fromClass, selfCount, asLeft, asRight);
            if (gain > bestGain + 1e-9) {
              bestGain = gain;
              best = b;
            }
          }
        }
        move(pair, pairT, leftTotal, rightTotal, c, best, 1, rightClasses, nr, toClass, leftClasses, nl, fromClass, selfCount, asLeft, asRight);
        if (best != a) {
          cls[w] = best;
          moves++;
        }
        for (int k = 0; k < nr; k++) {
          toClass[rightClasses[k]] = 0;
        }
        for (int k = 0; k < nl; k++) {
          fromClass[leftClasses[k]] = 0;
        }
      }
      if (progress != null) {
        progress.printf(Locale.ROOT, "%d classes, pass %d: %d of %d words moved%n", c, pass, moves, v);
      }
      if (moves * 1000L < v) {
        break;
      }
    }
    return cls;
  }

  /** Adds ({@code sign} 1) or removes (-1) word w's counts to or from class {@code b}. */
  private static void move(int[] pair, int[] pairT, long[] leftTotal, long[] rightTotal, int c, int b, int sign,
      int[] rightClasses, int nr, long[] toClass, int[] leftClasses, int nl, long[] fromClass,
      long self, long asLeft, long asRight) {
    for (int k = 0; k < nr; k++) {
      int d = rightClasses[k];
      pair[b * c + d] += (int) (sign * toClass[d]);
      pairT[d * c + b] += (int) (sign * toClass[d]);
    }
    for (int k = 0; k < nl; k++) {
      int d = leftClasses[k];
      pair[d * c + b] += (int) (sign * fromClass[d]);
      pairT[b * c + d] += (int) (sign * fromClass[d]);
    }
    pair[b * c + b] += (int) (sign * self);
    pairT[b * c + b] += (int) (sign * self);
    leftTotal[b] += sign * asLeft;
    rightTotal[b] += sign * asRight;
  }

  /** The change of the log-likelihood when word w (now in no class) joins class {@code b}. */
  private static double gain(int[] pair, int[] pairT, long[] leftTotal, long[] rightTotal, int c, int b,
      int[] rightClasses, int nr, long[] toClass, int[] leftClasses, int nl, long[] fromClass,
      long self, long asLeft, long asRight) {
    double g = 0;
    long bb = self;
    for (int k = 0; k < nr; k++) {
      int d = rightClasses[k];
      if (d == b) {
        bb += toClass[d];
      } else {
        long n = pair[b * c + d];
        g += xlogx(n + toClass[d]) - xlogx(n);
      }
    }
    for (int k = 0; k < nl; k++) {
      int d = leftClasses[k];
      if (d == b) {
        bb += fromClass[d];
      } else {
        long n = pairT[b * c + d];
        g += xlogx(n + fromClass[d]) - xlogx(n);
      }
    }
    if (bb > 0) {
      long n = pair[b * c + b];
      g += xlogx(n + bb) - xlogx(n);
    }
    g -= xlogx(leftTotal[b] + asLeft) - xlogx(leftTotal[b]);
    g -= xlogx(rightTotal[b] + asRight) - xlogx(rightTotal[b]);
    return g;
  }

  private static double xlogx(long x) {
    return x < TABLE ? X_LOG_X[(int) x] : x * Math.log(x);
  }
}
