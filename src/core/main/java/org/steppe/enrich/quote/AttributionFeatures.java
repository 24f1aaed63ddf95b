package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steppe.enrich.Token;

/**
 * The features {@link AttributionModel} weighs for each speaker candidate of a quote: what the
 * candidate is (person, organisation, pronoun, role, untagged name), which rules found it, where it
 * stands (side, words and sentences away, paragraph), the verb of saying next to it, the punctuation
 * between, and for "nobody" what the quote itself looks like. Stateless apart from its
 * configuration; thread-safe.
 */
final class AttributionFeatures {
  private final SpeechVerbMatcher verbs;
  private final NameWords names;

  AttributionFeatures(SpeechVerbMatcher verbs, NameWords names) {
    this.verbs = verbs;
    this.names = names;
  }

  /** What a candidate resolves to, as the features need it. */
  record Resolved(String name, boolean person) {}

  /**
   * One feature list per candidate, in the candidates' order.
   *
   * @param resolved what each candidate resolves to (null entries for "nobody" and unresolved ones)
   * @param previousSpeaker the speaker of the quote before in the article, or null
   * @param counts how often each resolved name is mentioned in the article
   */
  List<List<String>> of(ArticleView v, QuoteSpan span, List<SpeakerCandidate> candidates, List<Resolved> resolved,
      String previousSpeaker, Map<String, Integer> counts) {
    List<List<String>> out = new ArrayList<>(candidates.size());
    Map<String, Integer> rankBySide = new HashMap<>();
    int[] ranks = new int[candidates.size()];
    // rank of each candidate among those of its side, nearest first
    List<Integer> order = new ArrayList<>();
    for (int i = 1; i < candidates.size(); i++) {
      order.add(i);
    }
    int[] distances = new int[candidates.size()];
    for (int i = 1; i < candidates.size(); i++) {
      distances[i] = distance(v, span, candidates.get(i).cue());
    }
    order.sort((a, b) -> Integer.compare(distances[a], distances[b]));
    for (int i : order) {
      String side = side(span, candidates.get(i).cue());
      ranks[i] = rankBySide.merge(side, 1, Integer::sum);
    }
    for (int i = 0; i < candidates.size(); i++) {
      SpeakerCandidate c = candidates.get(i);
      out.add(c.nobody() ? nobody(v, span, candidates) : candidate(v, span, c, resolved.get(i), ranks[i], distances[i],
          previousSpeaker, counts));
    }
    return out;
  }

  private List<String> nobody(ArticleView v, QuoteSpan span, List<SpeakerCandidate> candidates) {
    List<String> f = new ArrayList<>();
    f.add("N");
    List<Token> words = v.tokensIn(span.start(), span.end());
    String len = words.size() <= 1 ? "1" : words.size() <= 3 ? "2-3" : words.size() <= 8 ? "4-8" : words.size() <= 20 ? "9-20" : "21+";
    f.add("N:len=" + len);
    boolean lower = !words.isEmpty() && Character.isLowerCase(words.get(0).text().charAt(0));
    f.add("N:lower=" + lower);
    f.add("N:closed=" + span.closed());
    f.add("N:single=" + span.single());
    f.add("N:paras=" + Math.min(span.paragraphs(), 2));
    boolean opensParagraph = v.text.substring(v.paragraphStart(span.open(), Math.max(0, span.open() - 400)), span.open()).isBlank();
    f.add("N:opensPara=" + opensParagraph);
    f.add("N:end=" + lastChar(v, span));
    boolean anyRule = false;
    for (SpeakerCandidate c : candidates) {
      anyRule |= !c.rules().isEmpty() && !(c.rules().size() == 1 && c.rules().contains("previous"));
    }
    f.add("N:anyRule=" + anyRule);
    f.add("N:lenXrule=" + len + "|" + anyRule);
    f.add("N:cands=" + Math.min(candidates.size() - 1, 5));
    f.add("N:title=" + SpeechFilter.titleCase(words));
    f.add("N:before=" + charBefore(v, span.open()));
    f.add("N:after=" + charAfter(v, span.close()));
    return f;
  }

  private List<String> candidate(ArticleView v, QuoteSpan span, SpeakerCandidate c, Resolved r, int rank, int words,
      String previousSpeaker, Map<String, Integer> counts) {
    Cue cue = c.cue();
    List<String> f = new ArrayList<>();
    String type = type(cue);
    String side = side(span, cue);
    String dist = words == 0 ? "0" : words == 1 ? "1" : words == 2 ? "2" : words <= 4 ? "3-4" : words <= 8 ? "5-8"
        : words <= 15 ? "9-15" : words <= 30 ? "16-30" : "31+";
    int sentences = sentencesAway(v, span, cue);
    int paragraphs = paragraphsAway(v, span, cue);
    f.add("T=" + type);
    f.add("S=" + side);
    f.add("TS=" + type + "|" + side);
    f.add("SD=" + side + "|" + dist);
    f.add("TSD=" + type + "|" + side + "|" + dist);
    f.add("SS=" + side + "|" + sentences);
    f.add("TSS=" + type + "|" + side + "|" + sentences);
    f.add("SP=" + side + "|" + paragraphs);
    f.add("SR=" + side + "|" + Math.min(rank, 4));
    f.add("TSR=" + type + "|" + side + "|" + Math.min(rank, 4));
    f.add("O=" + (cue.entity() == null ? "none" : cue.entity().origin()));
    if (!cue.key().isEmpty() && cue.type() != Cue.Type.PRONOUN) {
      f.add("head=" + type + "|" + cue.key());
      f.add("det=" + type + "|" + v.tokens.get(v.tokenFrom(cue.start())).key());
    }
    for (String rule : c.rules()) {
      f.add("R=" + rule);
      f.add("RT=" + rule + "|" + type);
      f.add("RS=" + rule + "|" + side + "|" + sentences);
    }
    if (c.rules().isEmpty()) {
      f.add("R=none");
      f.add("RT=none|" + type);
    }
    String rules = String.join("+", c.rules().stream().sorted().toList());
    f.add("RR=" + rules);
    f.add("resolved=" + (r != null) + "|" + type);
    if (r != null && previousSpeaker != null && r.name().equals(previousSpeaker)) {
      f.add("prev|" + side + "|" + sentences);
      f.add("prev|" + type);
    }
    if (r != null) {
      int n = counts.getOrDefault(r.name(), 0);
      f.add("freq=" + (n <= 1 ? "1" : n <= 3 ? "2-3" : n <= 8 ? "4-8" : "9+"));
      f.add("words=" + Math.min(Token.tokenize(r.name()).size(), 3) + "|" + type);
    }
    // the verb of saying next to the candidate: "Trump said", "said Trump"
    int first = v.tokenFrom(cue.start());
    int last = first;
    while (last + 1 < v.tokens.size() && v.tokens.get(last + 1).end() <= cue.end()) {
      last++;
    }
    String verbAfter = verbNear(v, last + 1, 1);
    String verbBefore = verbNear(v, first - 1, -1);
    f.add("VA=" + (verbAfter != null) + "|" + side);
    f.add("VB=" + (verbBefore != null) + "|" + side);
    if (verbAfter != null) {
      f.add("VAw=" + verbAfter + "|" + side);
    }
    if (verbBefore != null) {
      f.add("VBw=" + verbBefore + "|" + side);
    }
    // the words around the candidate
    String next = last + 1 < v.tokens.size() ? v.tokens.get(last + 1).key() : "$";
    String gapNext = last + 1 < v.tokens.size() ? gap(v, v.tokens.get(last).end(), v.tokens.get(last + 1).start()) : "$";
    String prev = first > 0 ? v.tokens.get(first - 1).key() : "^";
    String gapPrev = first > 0 ? gap(v, v.tokens.get(first - 1).end(), cue.start()) : "^";
    f.add("gn=" + gapNext);
    if (verbAfter != null) {
      f.add("VAg=" + gapNext + "|" + side + "|" + sentences);
    }
    int apposVerb = appositionVerb(v, last);
    if (apposVerb >= 0) {
      f.add("appos|" + side);
      f.add("appos|" + type + "|" + v.tokens.get(apposVerb).key());
    }
    if (insideApposition(v, first)) {
      f.add("inAppos|" + type + "|" + side);
    }
    f.add("gp=" + gapPrev);
    if (gapNext.equals("_") && Character.isLowerCase(firstChar(v, last + 1))) {
      f.add("nextLower|" + type);
    }
    if (gapNext.equals("'")) {
      f.add("possessive|" + type);
    }
    f.add("pw=" + (first > 0 && v.tokens.get(first - 1).capitalized() ? "Cap" : prev));
    f.add("nw=" + (last + 1 < v.tokens.size() && v.tokens.get(last + 1).capitalized() ? "Cap" : next));
    // punctuation between the quote and the candidate
    if (side.equals("A")) {
      f.add("qa=" + lastChar(v, span) + "|" + between(v, span.close(), cue.start()));
    } else {
      int k = span.open() - 1;
      while (k >= cue.end() && Character.isWhitespace(v.text.charAt(k))) {
        k--;
      }
      f.add("qb=" + (k < cue.end() ? "" : String.valueOf(v.text.charAt(k))) + "|" + dist);
    }
    boolean sentenceStart = v.sentences.startOf(cue.start()) == cue.start()
        || (first > 0 && v.sentences.startOf(cue.start()) >= v.tokens.get(first - 1).start());
    f.add("sentStart=" + sentenceStart + "|" + type);
    return f;
  }

  /**
   * "Galym Ageleuov, head of the group Liberty, told …": the verb of saying after an apposition
   * that follows the words ending at token {@code last}, or -1.
   */
  private int appositionVerb(ArticleView v, int last) {
    if (last + 1 >= v.tokens.size() || !gap(v, v.tokens.get(last).end(), v.tokens.get(last + 1).start()).equals(",")) {
      return -1;
    }
    int sentenceEnd = v.sentences.endOf(v.tokens.get(last).end());
    for (int k = last + 2; k < Math.min(v.tokens.size(), last + 20) && v.tokens.get(k).end() <= sentenceEnd; k++) {
      if (v.quoted(v.tokens.get(k).start())) {
        return -1;
      }
      if (gap(v, v.tokens.get(k - 1).end(), v.tokens.get(k).start()).equals(",")) {
        return verbs.wordsAt(v, v.tokens, k) > 0 ? k : -1;
      }
    }
    return -1;
  }

  /** Whether the words starting at token {@code first} sit inside an apposition: "X, head of the group Liberty". */
  private static boolean insideApposition(ArticleView v, int first) {
    int sentenceStart = v.sentences.startOf(v.tokens.get(first).start());
    for (int k = first; k > 0 && first - k < 12 && v.tokens.get(k - 1).start() >= sentenceStart; k--) {
      String g = gap(v, v.tokens.get(k - 1).end(), v.tokens.get(k).start());
      if (g.equals(",")) {
        return k < first && !v.tokens.get(k).capitalized() && v.tokens.get(k - 1).capitalized();
      }
      if (!g.equals("_") && !g.equals("'") && !g.equals("-")) {
        return false;
      }
    }
    return false;
  }

  /** The key of a verb of saying at token {@code k}, or one or two words on in direction {@code step}, past adverbs. */
  private String verbNear(ArticleView v, int k, int step) {
    for (int hops = 0; hops < 3 && k >= 0 && k < v.tokens.size(); hops++, k += step) {
      Token t = v.tokens.get(k);
      if (v.quoted(t.start())) {
        return null;
      }
      if (verbs.wordsAt(v, v.tokens, k) > 0) {
        return t.key();
      }
      boolean skippable = (t.key().endsWith("ly") && !t.capitalized()) || t.key().equals("also")
          || t.key().equals("has") || t.key().equals("had") || names.isTitle(t.key());
      if (!skippable) {
        return null;
      }
    }
    return null;
  }

  static String type(Cue cue) {
    return switch (cue.type()) {
      case PRONOUN -> "PRO";
      case ROLE -> "ROLE";
      case GROUP -> "GROUP";
      case DESCRIPTION -> "DESC";
      case NAME -> cue.entity() == null ? "NAME" : switch (cue.entity().type()) {
        case PERSON -> "PER";
        case ORGANIZATION -> "ORG";
        case PLACE -> "LOC";
        default -> "MISC";
      };
    };
  }

  private static String side(QuoteSpan span, Cue cue) {
    return cue.end() <= span.open() ? "B" : "A";
  }

  /** Words between the candidate and the quote's nearer mark. */
  private static int distance(ArticleView v, QuoteSpan span, Cue cue) {
    return cue.end() <= span.open() ? Math.max(0, v.tokenFrom(span.open()) - v.tokenFrom(cue.end()))
        : Math.max(0, v.tokenFrom(cue.start()) - v.tokenFrom(span.close()));
  }

  /** Sentences between the candidate and the quote (0 when in the same one), at most 3. */
  private static int sentencesAway(ArticleView v, QuoteSpan span, Cue cue) {
    int n = cue.end() <= span.open()
        ? v.sentences.indexOf(span.open()) - v.sentences.indexOf(cue.start())
        : v.sentences.indexOf(cue.start()) - v.sentences.indexOf(Math.max(span.open(), span.close() - 1));
    return Math.max(0, Math.min(3, n));
  }

  /** Paragraph breaks between the candidate and the quote, at most 2. */
  private static int paragraphsAway(ArticleView v, QuoteSpan span, Cue cue) {
    int from = cue.end() <= span.open() ? cue.end() : span.close();
    int to = cue.end() <= span.open() ? span.open() : cue.start();
    int first = from < to ? v.text.indexOf('\n', from, to) : -1;
    if (first < 0) {
      return 0;
    }
    int k = first + 1;
    while (k < to && Character.isWhitespace(v.text.charAt(k))) {
      k++; // a blank line is still one break
    }
    return k < to && v.text.indexOf('\n', k, to) >= 0 ? 2 : 1;
  }

  private static String lastChar(ArticleView v, QuoteSpan span) {
    if (span.end() <= span.start()) {
      return "";
    }
    char c = v.text.charAt(span.end() - 1);
    return Character.isLetterOrDigit(c) ? "w" : String.valueOf(c);
  }

  private static String charBefore(ArticleView v, int open) {
    int k = open - 1;
    while (k >= 0 && v.text.charAt(k) == ' ') {
      k--;
    }
    if (k < 0 || v.text.charAt(k) == '\n') {
      return "^";
    }
    char c = v.text.charAt(k);
    return Character.isLetterOrDigit(c) ? "w" : String.valueOf(c);
  }

  private static String charAfter(ArticleView v, int close) {
    int k = close;
    while (k < v.text.length() && v.text.charAt(k) == ' ') {
      k++;
    }
    if (k >= v.text.length() || v.text.charAt(k) == '\n') {
      return "$";
    }
    char c = v.text.charAt(k);
    return Character.isLowerCase(c) ? "a" : Character.isUpperCase(c) ? "A" : Character.isDigit(c) ? "9" : String.valueOf(c);
  }

  private static char firstChar(ArticleView v, int k) {
    return k < v.tokens.size() ? v.tokens.get(k).text().charAt(0) : ' ';
  }

  /** The text between two words in short: "_" a space, "," a comma, "'" a possessive, "." a full stop, "~" other. */
  private static String gap(ArticleView v, int from, int to) {
    String g = v.text.substring(from, to);
    if (g.equals(" ")) {
      return "_";
    }
    if (g.equals("\u2019") || g.equals("'")) {
      return "'";
    }
    String s = g.strip();
    return s.isEmpty() ? (g.contains("\n") ? "/" : "_") : s.length() == 1 ? s : "~";
  }

  /** What stands between two offsets, in short: nothing, one or two marks as written, or how long a stretch. */
  private static String between(ArticleView v, int from, int to) {
    int a = from;
    int b = to;
    while (a < b && Character.isWhitespace(v.text.charAt(a))) {
      a++;
    }
    while (b > a && Character.isWhitespace(v.text.charAt(b - 1))) {
      b--;
    }
    return b - a <= 2 ? v.text.substring(a, b) : b - a > 12 ? "long" : "mid";
  }
}
