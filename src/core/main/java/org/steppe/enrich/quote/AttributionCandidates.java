package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * The possible speakers of one quote: "nobody", what the attribution rules found, every person,
 * organisation and pronoun outside quotation marks from the sentence before the quote to the
 * sentence after it, and the unnamed sources and groups next to its verbs of saying. Stateless apart from its configuration; thread-safe.
 */
final class AttributionCandidates {
  /** How far before the opening mark and after the closing mark candidates are looked for. */
  private static final int REACH_BACK = 500;
  private static final int REACH_AHEAD = 300;
  /** At most this many mentions on each side, the nearest first; pronouns count among them, at most three. */
  private static final int PER_SIDE = 6;
  private static final int PRONOUNS_PER_SIDE = 3;

  private final QuoteRules rules;
  private final SpeechVerbMatcher verbs;
  private final SourceDescriptions descriptions;

  AttributionCandidates(QuoteRules rules, SpeechVerbMatcher verbs, SourceDescriptions descriptions) {
    this.rules = rules;
    this.verbs = verbs;
    this.descriptions = descriptions;
  }

  /**
   * The candidates for {@code span}, "nobody" first.
   *
   * @param found the cues the attribution rules found, by rule name ({@code after}, {@code before}, …)
   * @param descriptionsAt the article's unnamed sources and groups by the verb they go with, filled as found
   */
  List<SpeakerCandidate> of(ArticleView v, QuoteSpan span, Map<String, Cue> found, Map<Integer, List<Cue>> descriptionsAt) {
    Map<Long, Set<String>> tags = new LinkedHashMap<>();
    Map<Long, Cue> cues = new LinkedHashMap<>();
    found.forEach((rule, cue) -> {
      if (cue != null && outside(cue, span)) {
        long key = key(cue);
        cues.putIfAbsent(key, cue);
        tags.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(rule);
      }
    });
    int sentence = v.sentences.startOf(span.open());
    int previous = v.sentences.previousStart(sentence);
    int from = Math.max(span.open() - REACH_BACK, previous < 0 ? sentence : previous);
    int closeSentenceEnd = v.sentences.endOf(Math.max(span.open(), span.close() - 1));
    int to = Math.min(span.close() + REACH_AHEAD, v.sentences.endOf(Math.min(v.text.length(), closeSentenceEnd + 1)));
    to = Math.max(to, Math.min(v.text.length(), span.close()));
    List<Cue> before = new ArrayList<>();
    List<Cue> after = new ArrayList<>();
    List<Cue> beforePronouns = new ArrayList<>();
    List<Cue> afterPronouns = new ArrayList<>();
    for (EntityMention e : v.entitiesIn(Math.max(0, from), to)) {
      if ((e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION) && !v.quoted(e.start())
          && (e.end() <= span.open() || e.start() >= span.close())) {
        (e.end() <= span.open() ? before : after).add(Cue.of(e));
      }
    }
    int k = v.tokenFrom(Math.max(0, from));
    int s = v.firstSpanClosingAfter(Math.max(0, from));
    for (; k < v.tokens.size() && v.tokens.get(k).end() <= to; k++) {
      Token t = v.tokens.get(k);
      while (s < v.spans.size() && v.spans.get(s).close() <= t.start()) {
        s++; // the spans are in text order: walk them along with the words
      }
      if (s < v.spans.size() && v.spans.get(s).open() <= t.start()) {
        continue; // quoted
      }
      if (rules.isPronoun(t.key())) {
        (t.end() <= span.open() ? beforePronouns : afterPronouns).add(Cue.pronoun(t));
      } else if (verbs.wordsAt(v, v.tokens, k) > 0) {
        // unnamed sources and groups around a verb of saying: "a top aide said", "the Trump campaign said"
        for (Cue d : descriptionsAt.computeIfAbsent(k, verb -> descriptions.around(v, verb))) {
          if (outside(d, span)) {
            long key = key(d);
            cues.putIfAbsent(key, d);
            tags.computeIfAbsent(key, x -> new LinkedHashSet<>());
          }
        }
      }
    }
    before.addAll(beforePronouns.subList(Math.max(0, beforePronouns.size() - PRONOUNS_PER_SIDE), beforePronouns.size()));
    after.addAll(afterPronouns.subList(0, Math.min(PRONOUNS_PER_SIDE, afterPronouns.size())));
    before.sort((a, b) -> Integer.compare(b.end(), a.end()));
    after.sort((a, b) -> Integer.compare(a.start(), b.start()));
    for (List<Cue> side : List.of(before, after)) {
      for (Cue c : side.subList(0, Math.min(PER_SIDE, side.size()))) {
        long key = key(c);
        cues.putIfAbsent(key, c);
        tags.computeIfAbsent(key, x -> new LinkedHashSet<>());
      }
    }
    List<SpeakerCandidate> out = new ArrayList<>();
    out.add(SpeakerCandidate.NOBODY);
    cues.forEach((key, cue) -> out.add(new SpeakerCandidate(cue, tags.get(key))));
    return out;
  }

  /** Whether the words lie wholly before the quote's opening mark or after its closing one. */
  private static boolean outside(Cue c, QuoteSpan span) {
    return c.end() <= span.open() || c.start() >= span.close();
  }

  private static long key(Cue c) {
    return ((long) c.start() << 32) | c.end();
  }
}
