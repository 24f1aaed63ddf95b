package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses a quote's speaker among its candidates with the learned {@link AttributionModel}: the
 * most probable candidate speaks when its probability reaches the model's threshold, else nobody
 * does. Without a model it only reports candidates and features (to train one) and leaves the
 * choice to the rules. Stateless apart from its configuration; thread-safe.
 */
final class AttributionRanker {
  /** Receives every quote's candidates and their features, as {@link AttributionTrainer} needs them. */
  interface Observer {
    void observe(QuoteSpan span, List<SpeakerCandidate> candidates, List<List<String>> features);
  }

  /** The candidate chosen and how probable the model found it. */
  record Choice(SpeakerCandidate candidate, double probability) {}

  private final AttributionCandidates candidates;
  private final AttributionFeatures features;
  private final AttributionModel model;

  /** @param model the model that decides, or null to leave the choice to the rules */
  AttributionRanker(QuoteRules rules, SpeechVerbMatcher verbs, NameWords names, SourceDescriptions descriptions,
      AttributionModel model) {
    this.candidates = new AttributionCandidates(rules, verbs, descriptions);
    this.features = new AttributionFeatures(verbs, names);
    this.model = model;
  }

  /** The least probability at which a chosen speaker keeps a quote the rules would drop (above 1: never). */
  double vouch() {
    return model == null ? 2 : model.vouch();
  }

  /** Whether a model decides (else the rules do). */
  boolean decides() {
    return model != null;
  }

  /**
   * The speaker candidate the model chooses for {@code span}, or null when the model names nobody
   * or there is no model.
   *
   * @param found the cues the attribution rules found, by rule name
   * @param previousSpeaker the speaker of the quote before, or null
   * @param counts how often each person is mentioned in the article
   * @param descriptionsAt the unnamed sources and groups found so far in this article, by verb (filled as found)
   */
  Choice choose(ArticleView v, QuoteSpan span, Map<String, Cue> found, SpeakerResolver people,
      String previousSpeaker, Map<String, Integer> counts, Map<Integer, List<Cue>> descriptionsAt, Observer observer) {
    if (model == null && observer == null) {
      return null;
    }
    List<SpeakerCandidate> cands = candidates.of(v, span, found, descriptionsAt);
    if (cands.size() == 1) {
      return null;
    }
    List<AttributionFeatures.Resolved> resolved = new ArrayList<>(cands.size());
    for (SpeakerCandidate c : cands) {
      String name = c.nobody() ? null : people.nameOf(c.cue());
      resolved.add(name == null ? null : new AttributionFeatures.Resolved(name, true));
    }
    List<List<String>> feats = features.of(v, span, cands, resolved, previousSpeaker, counts);
    if (observer != null) {
      observer.observe(span, cands, feats);
    }
    if (model == null) {
      return null;
    }
    double[] p = model.probabilities(feats);
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best == 0 || p[best] < model.threshold() ? null : new Choice(cands.get(best), p[best]);
  }
}
