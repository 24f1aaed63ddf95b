package org.steppe.enrich.quote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A log-linear ranker over a quote's speaker candidates: each candidate's score is the sum of its
 * features' weights, and a softmax over the candidates (one of them "nobody") gives how likely each
 * is the speaker. A speaker is named only when its probability reaches the model's threshold.
 * Immutable and thread-safe. Trained by {@link AttributionTrainer}; the text format is one
 * {@code feature<TAB>weight} line per feature after a {@code threshold} line.
 */
final class AttributionModel {
  /** Where the model built into the jar lives on the class path. */
  static final String RESOURCE = "/org/steppe/enrich/quote/attribution-model.tsv";
  private static final String HEADER = "# steppe attribution model 1";

  private final Map<String, Float> weights;
  private final double threshold;
  private final double vouch;

  AttributionModel(Map<String, Float> weights, double threshold, double vouch) {
    this.weights = Map.copyOf(weights);
    this.threshold = threshold;
    this.vouch = vouch;
  }

  /** The model built into the jar, or empty when this build ships none. */
  static Optional<AttributionModel> builtIn() {
    return BuiltIn.MODEL;
  }

  // Read once per JVM, however many extractors are built.
  private static final class BuiltIn {
    static final Optional<AttributionModel> MODEL = load();

    private static Optional<AttributionModel> load() {
      try (InputStream in = AttributionModel.class.getResourceAsStream(RESOURCE)) {
        return in == null ? Optional.empty() : Optional.of(read(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the built-in attribution model " + RESOURCE, e);
      }
    }
  }

  /** The least probability at which the best candidate is named as the speaker. */
  double threshold() {
    return threshold;
  }

  /**
   * The least probability at which the model's speaker vouches for a quote the rules alone would
   * not keep (one word, or a phrase in title case): "Sanders called the suspension “arbitrary”".
   */
  double vouch() {
    return vouch;
  }

  /** The candidates' probabilities, in the order given (each candidate a list of feature names). */
  double[] probabilities(List<List<String>> candidates) {
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      double s = 0;
      for (String f : candidates.get(i)) {
        Float w = weights.get(f);
        if (w != null) {
          s += w;
        }
      }
      scores[i] = s;
    }
    return softmax(scores);
  }

  /** Normalised exponentials of {@code scores}, computed from the largest so nothing overflows. */
  static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double sum = 0;
    double[] p = new double[scores.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(scores[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** Reads a model in the text format {@link #write} produces. */
  static AttributionModel read(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, Float> w = new HashMap<>();
    double threshold = 0.5;
    double vouch = 1.0;
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.lastIndexOf('\t');
      if (tab < 0) {
        throw new IOException("attribution model line " + lineNo + ": expected 'feature<TAB>weight'");
      }
      String name = line.substring(0, tab);
      float value;
      try {
        value = Float.parseFloat(line.substring(tab + 1));
      } catch (NumberFormatException e) {
        throw new IOException("attribution model line " + lineNo + ": not a number: " + line.substring(tab + 1), e);
      }
      if (name.equals("threshold")) {
        threshold = value;
      } else if (name.equals("vouch")) {
        vouch = value;
      } else {
        w.put(name, value);
      }
    }
    return new AttributionModel(w, threshold, vouch);
  }

  /**
   * Writes the model as text: a header, the threshold, then every feature sorted by name, so the
   * same weights always give the same bytes.
   */
  void write(Writer out, List<String> comments) throws IOException {
    out.write(HEADER + "\n");
    for (String c : comments) {
      out.write("# " + c + "\n");
    }
    out.write("threshold\t" + format((float) threshold) + "\n");
    out.write("vouch\t" + format((float) vouch) + "\n");
    for (Map.Entry<String, Float> e : new TreeMap<>(weights).entrySet()) {
      out.write(e.getKey() + "\t" + format(e.getValue()) + "\n");
    }
  }

  private static String format(float f) {
    return Float.toString(f);
  }

  /** The features with a weight, for tests and reports. */
  List<String> features() {
    return new ArrayList<>(new TreeMap<>(weights).keySet());
  }
}
