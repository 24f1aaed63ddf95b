package org.steppe.enrich.quote;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.PersonRules;
import org.steppe.enrich.SpeechVerbs;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * Trains the {@link AttributionModel} on a PolNeAR split: every quote Steppe finds in the split's
 * articles, with its speaker candidates and their features as the extractor sees them, labelled by
 * the annotated Source of the attribution whose Content holds the quote ("nobody" when no
 * attribution holds it or no candidate is its Source). The model is a softmax over candidates,
 * fitted by AdaGrad in a fixed order from a fixed seed, so the same split and options always give
 * the same bytes.
 */
public final class AttributionTrainer {
  /**
   * How to train.
   *
   * @param epochs passes over the training quotes
   * @param learningRate AdaGrad's step size
   * @param l2 weight decay on the features a quote touches
   * @param cutoff features seen on fewer candidates than this are dropped
   * @param threshold least probability at which the model names a speaker
   * @param vouch least probability at which the model's speaker keeps a quote the rules would drop
   * @param seed the seed of the order in which quotes are visited
   */
  public record Options(int epochs, double learningRate, double l2, int cutoff, double threshold, double vouch, long seed) {
    public Options {
      if (epochs < 1 || learningRate <= 0 || l2 < 0 || cutoff < 1 || threshold < 0 || threshold > 1 || vouch < 0 || vouch > 1) {
        throw new IllegalArgumentException("epochs and cutoff must be at least 1, the learning rate positive,"
            + " l2 not negative and the thresholds between 0 and 1");
      }
    }
  }

  /** The options the shipped model was trained with. */
  public static final Options DEFAULT = new Options(12, 0.1, 1e-4, 2, 0.3, 0.8, 12);

  /** What training saw: articles, quotes, quotes whose annotated Source is among the candidates, features kept. */
  public record Report(int articles, int quotes, int sourceFound, int features) {}

  /** One quote to learn from: each candidate's features and which candidates are the annotated speaker. */
  record Instance(List<List<String>> features, boolean[] positive) {}

  private final Options options;

  public AttributionTrainer(Options options) {
    this.options = options;
  }

  /**
   * Trains on the split folder {@code split} (text/, attributions/) and writes the model to {@code out}.
   *
   * @param mentionsOf the entity mentions of an article, as the pipeline the model will serve finds them
   */
  public Report train(Path split, ConfigDir config, Function<Article, List<EntityMention>> mentionsOf, Writer out)
      throws IOException {
    List<AttributionAnnotations.AnnotatedArticle> articles = AttributionAnnotations.read(split);
    List<Instance> instances = instances(articles, config, mentionsOf);
    int found = 0;
    for (Instance in : instances) {
      found += in.positive()[0] ? 0 : 1;
    }
    AttributionModel model = fit(instances);
    model.write(out, List.of(
        String.format(Locale.ROOT, "trained by steppe train-attribution on %d articles, %d quotes (%d with an annotated source among the candidates)",
            articles.size(), instances.size(), found),
        String.format(Locale.ROOT, "epochs %d, learning rate %s, l2 %s, cutoff %d, seed %d",
            options.epochs(), options.learningRate(), options.l2(), options.cutoff(), options.seed())));
    return new Report(articles.size(), instances.size(), found, model.features().size());
  }

  /** The model fitted to {@code instances}: features seen at least {@code cutoff} times, weights by AdaGrad. */
  AttributionModel fit(List<Instance> instances) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    for (Instance in : instances) {
      for (List<String> f : in.features()) {
        for (String name : f) {
          counts.merge(name, 1, Integer::sum);
        }
      }
    }
    List<String> names = new ArrayList<>();
    counts.forEach((name, n) -> {
      if (n >= options.cutoff()) {
        names.add(name);
      }
    });
    double[] w = adagrad(instances, names);
    Map<String, Float> weights = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      if (Math.abs(w[i]) >= 1e-6) {
        weights.put(names.get(i), (float) w[i]);
      }
    }
    return new AttributionModel(weights, options.threshold(), options.vouch());
  }

  /** The quotes of every article, with candidates labelled; articles enriched in parallel, kept in order. */
  static List<Instance> instances(List<AttributionAnnotations.AnnotatedArticle> articles, ConfigDir config,
      Function<Article, List<EntityMention>> mentionsOf) {
    RuleQuoteExtractor extractor = new RuleQuoteExtractor(QuoteRules.load(config), PersonRules.load(config),
        SpeechVerbs.load(config), Gazetteer.load(config), null);
    List<List<Instance>> perArticle = new ArrayList<>(Collections.nCopies(articles.size(), null));
    Map<Path, Corpus> corpora = new HashMap<>();
    for (AttributionAnnotations.AnnotatedArticle a : articles) {
      corpora.computeIfAbsent(a.textFile().getParent(), dir -> Corpus.open(dir, config, IngestListener.SILENT));
    }
    IntStream.range(0, articles.size()).parallel().forEach(i -> {
      AttributionAnnotations.AnnotatedArticle a = articles.get(i);
      List<Instance> found = new ArrayList<>();
      Corpus corpus = corpora.get(a.textFile().getParent());
      for (Article article : corpus.read(a.textFile())) {
        String text = article.cleanText();
        List<EntityMention> mentions = mentionsOf.apply(article);
        extractor.extract(text, mentions, (span, candidates, features) ->
            found.add(new Instance(features, label(text, span, candidates, a.attributions()))));
      }
      perArticle.set(i, found);
    });
    List<Instance> out = new ArrayList<>();
    perArticle.forEach(out::addAll);
    return out;
  }

  /**
   * Which candidates are the annotated speaker of {@code span}: those naming the Source of the
   * attribution whose Content overlaps the quote most, and that are the head of that Source ("Mike
   * Rubino" in "Trump’s state director, Mike Rubino", not "Trump"); "nobody" when there is none.
   */
  static boolean[] label(String text, QuoteSpan span, List<SpeakerCandidate> candidates,
      List<AttributionAnnotations.Annotated> gold) {
    AttributionAnnotations.Annotated best = null;
    int bestOverlap = 0;
    for (AttributionAnnotations.Annotated g : gold) {
      int o = g.contentOverlap(span.start(), span.end());
      if (o > bestOverlap || (o == bestOverlap && o > 0 && length(g) < length(best))) {
        best = g;
        bestOverlap = o;
      }
    }
    boolean[] positive = new boolean[candidates.size()];
    boolean any = false;
    if (best != null) {
      for (int i = 1; i < candidates.size(); i++) {
        Cue c = candidates.get(i).cue();
        for (AttributionAnnotations.Span s : best.source()) {
          if (s.overlaps(c.start(), c.end()) && head(text, c, s)) {
            positive[i] = true;
            any = true;
          }
        }
      }
    }
    positive[0] = !any;
    return positive;
  }

  private static int length(AttributionAnnotations.Annotated g) {
    int n = 0;
    for (AttributionAnnotations.Span s : g.content()) {
      n += s.end() - s.start();
    }
    return n;
  }

  /** Whether the words {@code c} are the head of the Source span, not a modifier ("Trump’s", "one Trump confidant"). */
  private static boolean head(String text, Cue c, AttributionAnnotations.Span source) {
    int k = c.end();
    int end = Math.min(source.end(), text.length());
    if (k >= end) {
      return true;
    }
    String rest = text.substring(k, end);
    if (rest.startsWith("\u2019s") || rest.startsWith("'s") || rest.startsWith("\u2019") || rest.startsWith("'")) {
      return false;
    }
    String stripped = rest.stripLeading();
    if (rest.length() > stripped.length() && !stripped.isEmpty() && Character.isLowerCase(stripped.charAt(0))) {
      String word = stripped.split("[^\\p{L}]", 2)[0];
      return word.equals("and") || word.equals("or") || word.equals("who") || word.equals("himself") || word.equals("herself");
    }
    return true;
  }

  /** AdaGrad on the softmax's log-likelihood of the positive candidates; the weights of {@code names}. */
  private double[] adagrad(List<Instance> instances, List<String> names) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    List<int[][]> encoded = new ArrayList<>(instances.size());
    for (Instance in : instances) {
      int[][] cands = new int[in.features().size()][];
      for (int c = 0; c < cands.length; c++) {
        cands[c] = in.features().get(c).stream().map(index::get).filter(x -> x != null).mapToInt(Integer::intValue).toArray();
      }
      encoded.add(cands);
    }
    double[] w = new double[names.size()];
    double[] g2 = new double[names.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      order.add(i);
    }
    Random random = new Random(options.seed());
    for (int epoch = 0; epoch < options.epochs(); epoch++) {
      Collections.shuffle(order, random);
      for (int i : order) {
        int[][] cands = encoded.get(i);
        boolean[] positive = instances.get(i).positive();
        double[] scores = new double[cands.length];
        for (int c = 0; c < cands.length; c++) {
          for (int f : cands[c]) {
            scores[c] += w[f];
          }
        }
        double[] p = AttributionModel.softmax(scores);
        double mass = 0;
        for (int c = 0; c < cands.length; c++) {
          mass += positive[c] ? p[c] : 0;
        }
        Map<Integer, Double> grad = new TreeMap<>();
        for (int c = 0; c < cands.length; c++) {
          double target = positive[c] && mass > 0 ? p[c] / mass : 0;
          double d = p[c] - target;
          if (d == 0) {
            continue;
          }
          for (int f : cands[c]) {
            grad.merge(f, d, Double::sum);
          }
        }
        for (Map.Entry<Integer, Double> e : grad.entrySet()) {
          int f = e.getKey();
          double g = e.getValue() + options.l2() * w[f];
          g2[f] += g * g;
          w[f] -= options.learningRate() * g / (Math.sqrt(g2[f]) + 1e-8);
        }
      }
    }
    return w;
  }
}
