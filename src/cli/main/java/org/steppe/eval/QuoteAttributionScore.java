package org.steppe.eval;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.steppe.enrich.Quote;
import org.steppe.enrich.QuoteKind;

/**
 * Scores extracted quotes against PolNeAR gold: detection of quotations in quote marks, speaker
 * attribution for named and pronoun sources, and the named-source precision, recall and F1 of
 * {@code quote_eval.py}. Indirect quotes are not scored (the gold is quotations in marks).
 *
 * @param articles articles with gold quotations
 * @param gold gold quotations in quote marks
 * @param detected gold quotations a system quote overlaps
 * @param marked system quotes (direct and partial)
 * @param markedHits system quotes overlapping a gold quotation
 * @param namedDetected detected gold quotations with a named source
 * @param namedDetectedCorrect of those, attributed to a speaker sharing a name token
 * @param pronounDetected detected gold quotations with a pronoun source
 * @param pronounCorrect of those, attributed to the last named source before them
 * @param namedGold gold quotations with a named source
 * @param namedCorrect of those, attributed correctly (detected or not)
 * @param considered system quotes with a speaker, scored for precision
 * @param correct of those, attributed correctly
 */
public record QuoteAttributionScore(int articles, int gold, int detected, int marked, int markedHits, int namedDetected,
    int namedDetectedCorrect, int pronounDetected, int pronounCorrect, int namedGold, int namedCorrect, int considered,
    int correct) {

  /**
   * Scores {@code system} (quotes by article) against {@code gold}; with {@code errors}, prints
   * each named-source miss and each wrong speaker there.
   */
  public static QuoteAttributionScore of(Map<String, List<PolnearGold.Gold>> gold, Map<String, List<Quote>> system,
      PrintWriter errors) {
    int goldAll = 0, detected = 0, sysMarked = 0, sysHit = 0, namedGold = 0, namedCorrect = 0;
    int namedDetected = 0, namedDetectedCorrect = 0, pronounDetected = 0, pronounCorrect = 0, considered = 0, correctSys = 0;
    for (Map.Entry<String, List<PolnearGold.Gold>> entry : gold.entrySet()) {
      List<PolnearGold.Gold> gs = entry.getValue();
      if (gs.isEmpty()) {
        continue; // as quote_eval.py: articles with no gold quotation are not scored
      }
      List<Quote> qs = system.getOrDefault(entry.getKey(), List.of()).stream()
          .filter(q -> q.kind() != QuoteKind.INDIRECT).toList();
      String lastNamedSource = null;
      for (PolnearGold.Gold g : gs) {
        goldAll++;
        List<Quote> hits = qs.stream().filter(q -> q.start() < g.end() && g.start() < q.end()).toList();
        if (!hits.isEmpty()) {
          detected++;
        }
        boolean right = hits.stream().anyMatch(q -> PolnearGold.shares(q.speaker(), g.names()));
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
          if (errors != null && !right) {
            errors.printf("MISS %s [%d,%d) gold=%s sys=%s%n", g.file(), g.start(), g.end(), g.source(),
                hits.stream().map(q -> q.speaker() + "@" + q.start() + "/"
                    + (q.speakerMention() == null ? "-" : q.speakerMention().text())).toList());
          }
          lastNamedSource = g.source();
        } else if (g.pronoun() && !hits.isEmpty()) {
          // No coreference in PolNeAR: the last named source before it stands in for the antecedent.
          pronounDetected++;
          Set<String> antecedent = lastNamedSource == null ? Set.of() : PolnearGold.nameTokens(lastNamedSource);
          if (hits.stream().anyMatch(q -> PolnearGold.shares(q.speaker(), antecedent))) {
            pronounCorrect++;
          }
        }
      }
      for (Quote q : qs) {
        sysMarked++;
        List<PolnearGold.Gold> over = gs.stream().filter(g -> q.start() < g.end() && g.start() < q.end()).toList();
        if (!over.isEmpty()) {
          sysHit++;
        }
        if (q.speaker() == null) {
          continue;
        }
        if (over.isEmpty() || over.stream().anyMatch(g -> !g.names().isEmpty())) {
          considered++;
          if (over.stream().anyMatch(g -> !g.names().isEmpty() && PolnearGold.shares(q.speaker(), g.names()))) {
            correctSys++;
          } else if (errors != null) {
            errors.printf("WRONG %s [%d,%d) sys=%s gold=%s text=%.60s%n", entry.getKey(), q.start(), q.end(),
                q.speaker(), over.stream().map(PolnearGold.Gold::source).toList(), q.text());
          }
        }
      }
    }
    return new QuoteAttributionScore(gold.size(), goldAll, detected, sysMarked, sysHit, namedDetected, namedDetectedCorrect,
        pronounDetected, pronounCorrect, namedGold, namedCorrect, considered, correctSys);
  }

  /** Named-source precision: correct speakers among system quotes with a speaker. */
  public double precision() {
    return ratio(correct, considered);
  }

  /** Named-source recall: gold quotations with a named source attributed correctly. */
  public double recall() {
    return ratio(namedCorrect, namedGold);
  }

  /** Named-source F1, quote_eval.py's headline figure. */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The report's lines, as {@code eval-quotes} prints them. */
  public void print(PrintWriter out) {
    out.printf(Locale.ROOT, "articles %d, gold quotations in quote marks %d%n", articles, gold);
    out.printf(Locale.ROOT, "detection: recall %.3f (%d/%d), precision %.3f (%d/%d direct+partial quotes overlap gold)%n",
        ratio(detected, gold), detected, gold, ratio(markedHits, marked), markedHits, marked);
    out.printf(Locale.ROOT, "attribution, named sources: %.3f (%d/%d detected)%n",
        ratio(namedDetectedCorrect, namedDetected), namedDetectedCorrect, namedDetected);
    out.printf(Locale.ROOT, "attribution, pronoun sources (vs last named source): %.3f (%d/%d detected)%n",
        ratio(pronounCorrect, pronounDetected), pronounCorrect, pronounDetected);
    out.printf(Locale.ROOT, "named-source quotes %d: precision %.3f (%d/%d) recall %.3f (%d/%d)%n",
        namedGold, precision(), correct, considered, recall(), namedCorrect, namedGold);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
