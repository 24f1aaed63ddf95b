package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.PersonRules;
import org.steppe.enrich.Quote;
import org.steppe.enrich.QuoteExtractor;
import org.steppe.enrich.QuoteKind;
import org.steppe.enrich.SpeechVerbs;
import org.steppe.enrich.Token;

/**
 * Steppe's quote extractor: quoted stretches from {@link QuoteScanner} (an unclosed one cut at its own
 * attribution by {@link UnclosedQuotes}), speech told from titles and
 * labels by {@link SpeechFilter}, speakers found by {@link AttributionAfter} and
 * {@link AttributionBefore} and resolved by {@link SpeakerResolver}, and reported speech from
 * {@link ReportedSpeechFinder}. A quote with no
 * attribution of its own keeps the speaker of the quote just before it in its paragraph (or ending
 * the paragraph before), as an interrupted or continued quote does. Thread-safe: all state is per call.
 */
public final class RuleQuoteExtractor implements QuoteExtractor {
  /** A line break with the white space around it: a context reads as one line. */
  private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\s*\\n\\s*");
  /** Context shown with a quote reaches at most this far beyond it on each side. */
  private static final int CONTEXT_REACH = 400;
  /**
   * The speaker model weighs the candidates of at most this many quotes per article; past them (no
   * news story has so many) the rules alone decide, so hostile input costs no more than the rules.
   */
  private static final int MODEL_QUOTES = 400;

  private final QuoteRules rules;
  private final Map<String, String> gazetteerRoles;
  /** The words a stated role may hold, as keys: made once here, not for every article. */
  private final java.util.Set<String> roleWordKeys;
  private final QuoteScanner scanner = new QuoteScanner();
  private final NameWords names;
  private final SentenceSubjects sentenceSubjects;
  private final UntaggedPeople untaggedPeople;
  private final AttributionAfter afterQuote;
  private final AttributionBefore beforeQuote;
  private final SpeechFilter filter;
  private final ReportedSpeechFinder reported;
  private final UnclosedQuotes unclosed;
  private final AttributionRanker ranker;

  public RuleQuoteExtractor(QuoteRules rules, PersonRules personRules, SpeechVerbs verbs, Gazetteer gazetteer) {
    this(rules, personRules, verbs, gazetteer, AttributionModel.builtIn().orElse(null));
  }

  /** @param model the learned attributor that chooses speakers, or null to let the rules alone choose */
  RuleQuoteExtractor(QuoteRules rules, PersonRules personRules, SpeechVerbs verbs, Gazetteer gazetteer, AttributionModel model) {
    this.rules = rules;
    Map<String, String> roles = new HashMap<>();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      if (e.role() != null && !e.role().isBlank()) {
        roles.put(e.name(), e.role());
      }
    }
    this.gazetteerRoles = Map.copyOf(roles);
    this.roleWordKeys = PersonRoles.roleWordKeys(rules, personRules);
    this.names = new NameWords(rules, personRules);
    SpeechVerbMatcher verbMatcher = new SpeechVerbMatcher(rules, verbs);
    NamedPhrases phrases = new NamedPhrases(rules, names);
    this.sentenceSubjects = new SentenceSubjects(rules, names, verbMatcher);
    VerbSubjects subjects = new VerbSubjects(rules, names, verbMatcher, phrases, sentenceSubjects);
    this.untaggedPeople = new UntaggedPeople(rules, names, verbMatcher, sentenceSubjects);
    this.afterQuote = new AttributionAfter(rules, names, verbMatcher, phrases, subjects);
    this.beforeQuote = new AttributionBefore(verbMatcher, phrases, subjects, sentenceSubjects);
    this.filter = new SpeechFilter(rules);
    this.reported = new ReportedSpeechFinder(verbMatcher, subjects, rules);
    this.unclosed = new UnclosedQuotes(verbMatcher, rules);
    this.ranker = new AttributionRanker(rules, verbMatcher, names, new SourceDescriptions(rules, names), model);
  }

  /** The extractor configured by {@code config}. */
  public static RuleQuoteExtractor load(ConfigDir config, Gazetteer gazetteer, SpeechVerbs verbs) {
    return new RuleQuoteExtractor(QuoteRules.load(config), PersonRules.load(config), verbs, gazetteer);
  }

  @Override
  public List<Quote> extract(String text, List<EntityMention> entities) {
    return extract(text, entities, null);
  }

  /** As {@link #extract(String, List)}, reporting every quote's speaker candidates to {@code observer} (may be null). */
  List<Quote> extract(String text, List<EntityMention> entities, AttributionRanker.Observer observer) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<QuoteSpan> spans = scanner.scan(text);
    Sentences sentences = Sentences.of(text, rules.abbreviations());
    ArticleView v = new ArticleView(text, entities, spans, sentences);
    List<QuoteSpan> repaired = unclosed.cutAtTags(v, spans);
    if (repaired != spans) {
      spans = repaired;
      v = new ArticleView(text, entities, spans, sentences);
    }
    v = v.plus(untaggedPeople.byFirstName(v));
    v = v.plus(untaggedPeople.asSentenceSubjects(v));
    // Reported speech reads only the view, so it is found first: an article with neither quotation
    // marks nor reported speech (most wire stories) needs no speakers resolved, and building the
    // resolver (full names, stated roles) was a third of quote extraction.
    List<ReportedSpeechFinder.Reported> reportedSpeech = reported.find(v);
    if (spans.isEmpty() && reportedSpeech.isEmpty()) {
      return new ArrayList<>();
    }
    SpeakerResolver people = new SpeakerResolver(v, rules, names, roleWordKeys, gazetteerRoles);
    List<Quote> out = new ArrayList<>();
    Speaker lastSpeaker = null;
    Cue lastCue = null;
    Map<String, Integer> mentionCounts = mentionCounts(v);
    Map<Integer, List<Cue>> descriptionsAt = new HashMap<>();
    QuoteSpan lastSpan = null;
    boolean lastAttributed = false;
    Quote lastQuote = null;
    int lastAfterCue = -1;
    for (int i = 0; i < spans.size(); i++) {
      QuoteSpan span = spans.get(i);
      List<Token> words = v.tokensIn(span.start(), span.end());
      int nextOpen = i + 1 < spans.size() ? spans.get(i + 1).open() : text.length();
      int prevClose = i > 0 ? spans.get(i - 1).close() : 0;
      Attribution after = span.closed() ? afterQuote.find(v, span, nextOpen) : null;
      Attribution before = beforeQuote.inSentence(v, span, prevClose);
      Attribution colon = null;
      if ((before == null || before.cue() == null) && (after == null || after.cue() == null)) {
        colon = beforeQuote.paragraphBefore(v, span); // “Cruz continued:” then the quote as a paragraph
        before = colon != null ? colon : before;
      }
      Attribution chosen = after != null && after.cue() != null ? after
          : before != null && before.cue() != null ? before : after != null ? after : before;
      if (chosen == after && before != null && before.cue() != null && introduces(v, span) && endsSentence(v, span)) {
        chosen = before; // Clinton responds to Mills with, “Why now?” Mills then writes back … — the introducer speaks
      }
      Speaker speaker = null;
      boolean attributed = chosen != null;
      // “…,” he said. “…” or “…,” Obama said, “…”: one quotation interrupted by its attribution
      // A quote opening the next paragraph with no attribution of its own goes on with the same speaker,
      // as one quotation (PolNeAR, too, annotates it as one discontinuous content).
      boolean interrupted = lastQuote != null && lastAttributed
          && (chosen == null ? continues(v, lastSpan, span)
              : sameParagraph(v, lastSpan, span) && chosen == before && chosen.cue() != null
                  && chosen.cue().start() == lastAfterCue && onlyAttributionBetween(v, lastSpan, span))
          || lastQuote != null && lastAttributed && resumes(v, lastSpan, span, words, chosen, lastAfterCue);
      if (interrupted && !words.isEmpty() && !filter.notSpeech(v, span, words, true)) {
        // Its own span, so the attribution between the parts is never inside a quote; the same speaker.
        Quote part = continuation(v, lastQuote, span, kindOf(v, span, words, after, before, prevClose, nextOpen));
        out.add(part);
        lastQuote = part;
        lastSpan = span;
        lastAfterCue = after != null && after.cue() != null ? after.cue().start() : -1;
        continue;
      }
      Cue ruleCue = null;
      Cue subject = null;
      boolean goesOn = false;
      if (chosen != null && chosen.cue() != null) {
        ruleCue = chosen.cue();
      } else if (chosen == null && (chosen = subjectOfSentence(v, span)) != null) {
        ruleCue = subject = chosen.cue();
      } else if (chosen == null && continues(v, lastSpan, span) && lastAttributed) {
        goesOn = true; // a quote opening the next paragraph goes on with the same speaker
        attributed = true;
      } else if (chosen != null && chosen == before && before.cue() == null && lastSpan != null && sameParagraph(v, lastSpan, span)
          && v.sentences.startOf(span.open()) <= lastSpan.open()) {
        goesOn = true; // "Trump told Newsmax that Romney “…,” adding, “…”": the same sentence's speaker
      }
      AttributionRanker.Choice choice = null;
      boolean modelled = i < MODEL_QUOTES && ranker.decides();
      if (modelled || observer != null) {
        Map<String, Cue> found = new LinkedHashMap<>();
        found.put("chosen", goesOn ? lastCue : ruleCue);
        found.put("after", after == null ? null : after.cue());
        found.put("before", before == null || before == colon ? null : before.cue());
        found.put("colon", colon == null ? null : colon.cue());
        found.put("subject", subject);
        found.put("previous", lastSpeaker == null ? null : lastCue);
        choice = ranker.choose(v, span, found, people,
            lastSpeaker == null ? null : lastSpeaker.name(), mentionCounts, descriptionsAt, observer);
        if (modelled) {
          ruleCue = choice == null ? null : choice.candidate().cue();
          goesOn = ruleCue != null && ruleCue == lastCue && lastSpeaker != null;
          subject = null;
        }
      }
      Cue speakerCue = goesOn ? lastCue : ruleCue;
      if (goesOn) {
        speaker = lastSpeaker;
      } else if (ruleCue != null) {
        speaker = people.resolve(ruleCue, ruleCue == subject ? null : localRole(people, ruleCue));
      }
      // The model may vouch for a short quote the rules would drop: Sanders called the suspension “arbitrary”.
      boolean vouched = choice != null && choice.probability() >= ranker.vouch() && !words.isEmpty();
      boolean keep = (vouched || words.size() >= rules.minAttributedWords())
          && !filter.notSpeech(v, span, words, after != null && after.cue() != null)
          && (vouched || attributed || (span.closed() && !span.single() && words.size() >= rules.minUnattributedWords()));
      if (!keep) {
        continue;
      }
      QuoteKind kind = kindOf(v, span, words, after, before, prevClose, nextOpen);
      if (!attributed && !vouched && kind == QuoteKind.PARTIAL && words.size() < 2 * rules.minUnattributedWords()) {
        continue; // a short phrase in quotation marks inside a sentence, with no one saying it: a term or scare quote
      }
      int ctxFrom = Math.max(span.open() - CONTEXT_REACH, v.sentences.startOf(chosen != null ? Math.min(chosen.from(), span.open()) : span.open()));
      int ctxTo = Math.min(span.close() + CONTEXT_REACH, v.sentences.endOf(chosen != null ? Math.max(chosen.to() - 1, span.close() - 1) : span.close() - 1));
      out.add(new Quote(text.substring(span.start(), span.end()), span.start(), span.end(), kind,
          speaker == null ? null : speaker.name(), speaker == null ? null : speaker.role(),
          speaker == null ? null : speaker.mention(), context(text, ctxFrom, Math.max(ctxTo, span.close()))));
      lastSpan = span;
      lastSpeaker = speaker;
      lastCue = speaker == null ? null : speakerCue;
      lastAttributed = attributed;
      lastQuote = out.get(out.size() - 1);
      lastAfterCue = chosen == after && after != null && after.cue() != null ? after.cue().start() : -1;
    }
    for (ReportedSpeechFinder.Reported r : reportedSpeech) {
      // Reported speech has no quotation marks to vouch for it: only known entities and resolved pronouns speak.
      boolean known = r.cue().type() != Cue.Type.NAME || r.cue().entity() != null;
      Speaker speaker = known ? people.resolve(r.cue(), localRole(people, r.cue())) : null;
      if (speaker != null && speaker.name() != null) {
        out.add(new Quote(text.substring(r.start(), r.end()), r.start(), r.end(), QuoteKind.INDIRECT,
            speaker.name(), speaker.role(), speaker.mention(), context(text, r.sentenceStart(), r.sentenceEnd())));
      }
    }
    out.sort(Comparator.comparingInt(Quote::start));
    return out;
  }

  /** How often each person or organisation is mentioned, by canonical name. */
  private static Map<String, Integer> mentionCounts(ArticleView v) {
    Map<String, Integer> counts = new HashMap<>();
    for (EntityMention m : v.entities) {
      counts.merge(m.name(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * For a quote with no attribution of its own: the person (or pronoun) its sentence opens with
   * ("Rubio also bemoaned the climate in which people “literally hate each other”"), or, when the
   * quote opens its sentence, the one the previous sentence of the paragraph opens with
   * ("Clinton touted her credentials. “We need to …”"). Names that are not known people do not count.
   */
  private Attribution subjectOfSentence(ArticleView v, QuoteSpan span) {
    int start = Math.max(v.sentences.startOf(span.open()), span.open() - CONTEXT_REACH);
    int paragraph = v.paragraphStart(span.open(), Math.max(0, span.open() - 2000));
    Cue cue = null;
    if (start < span.open() && !v.text.substring(start, span.open()).isBlank()) {
      cue = sentenceSubjects.around(v, span.open(), span.open());
    } else {
      int prev = v.sentences.previousStart(start);
      if (prev >= paragraph && start - prev < CONTEXT_REACH && prev >= 0 && !v.quoted(prev) && v.spanAt(start - 1) < 0 && noQuoteIn(v, prev, start)) {
        cue = sentenceSubjects.around(v, prev, start);
      }
    }
    boolean person = cue != null && (cue.type() == Cue.Type.PRONOUN
        || (cue.entity() != null && cue.entity().type() == EntityType.PERSON));
    return person ? new Attribution(cue, cue.start(), cue.end(), Attribution.Side.BEFORE) : null;
  }

  private static boolean noQuoteIn(ArticleView v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (v.quoted(i)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the quote follows a colon or comma, as speech an attribution introduces does. */
  private static boolean introduces(ArticleView v, QuoteSpan span) {
    int k = span.open() - 1;
    while (k > 0 && span.open() - k < 4 && Character.isWhitespace(v.text.charAt(k))) {
      k--;
    }
    return k >= 0 && (v.text.charAt(k) == ':' || v.text.charAt(k) == ',');
  }

  /** Whether the quoted words end with a full stop, question or exclamation mark. */
  private static boolean endsSentence(ArticleView v, QuoteSpan span) {
    return span.end() > span.start() && ".?!\u2026".indexOf(v.text.charAt(span.end() - 1)) >= 0;
  }

  /** The role stated right at the words naming the speaker ("Galym Ageleuov, head of …"). */
  private static String localRole(SpeakerResolver people, Cue cue) {
    if (cue.type() != Cue.Type.NAME) {
      return null;
    }
    EntityMention m = cue.entity() != null ? cue.entity()
        : new EntityMention("", EntityType.PERSON, cue.start(), cue.end(), "", "quotes");
    return people.statedRole(m);
  }

  /** The next part of the quotation {@code q} interrupted by its attribution: its own words and span, {@code q}'s speaker. */
  private static Quote continuation(ArticleView v, Quote q, QuoteSpan part, QuoteKind kind) {
    int ctxTo = Math.min(part.close() + CONTEXT_REACH, v.sentences.endOf(part.close() - 1));
    int ctxFrom = Math.max(part.open() - 2 * CONTEXT_REACH, v.sentences.startOf(q.start()));
    return new Quote(v.original.substring(part.start(), part.end()), part.start(), part.end(),
        kind, q.speaker(), q.role(), q.speakerMention(), context(v.original, ctxFrom, ctxTo));
  }

  /**
   * Whether {@code span} resumes the quotation {@code last} cut off by its attribution in the same sentence:
   * “Every time you say that,” Tester said, referring to the excuse, “you give ammunition …” — it opens
   * in lower case right after a comma, no sentence ends between, and no one else is named as its speaker.
   */
  private static boolean resumes(ArticleView v, QuoteSpan last, QuoteSpan span, List<Token> words, Attribution chosen, int lastAfterCue) {
    if (lastAfterCue < 0 || words.isEmpty() || !Character.isLowerCase(words.get(0).text().charAt(0))
        || !sameParagraph(v, last, span) || span.open() - last.close() > 200
        || v.sentences.startOf(span.open()) > last.open()
        || !v.text.substring(last.close(), span.open()).stripTrailing().endsWith(",")) {
      return false; // “…,” Karajanov said, adding that “it isn’t …”: a quote of its own, introduced anew
    }
    return chosen == null || chosen.cue() == null || chosen.cue().start() == lastAfterCue;
  }

  /** Whether only a short attribution ("Obama said,") stands between two quotes, not a clause of its own. */
  private static boolean onlyAttributionBetween(ArticleView v, QuoteSpan a, QuoteSpan b) {
    String between = v.text.substring(a.close(), b.open()).replaceAll("^[\\s,.:;\u2014\u2013-]+|[\\s,.:;\u2014\u2013-]+$", "");
    return !between.contains(",") && v.tokensIn(a.close(), b.open()).size() <= 5;
  }

  private static boolean sameParagraph(ArticleView v, QuoteSpan last, QuoteSpan span) {
    return last != null && v.text.substring(last.close(), span.open()).indexOf('\n') < 0;
  }

  /**
   * Whether {@code span} goes on from {@code last}: the next quote in the same paragraph, or the
   * first quote of a paragraph right after one that ended with {@code last}, with no one else named between.
   */
  private static boolean continues(ArticleView v, QuoteSpan last, QuoteSpan span) {
    if (last == null || span.open() - last.close() > 1500) {
      return false;
    }
    String between = v.text.substring(last.close(), span.open());
    int breaks = 0;
    for (int k = 0; k < between.length(); k++) {
      if (between.charAt(k) == '\n') {
        breaks++;
      }
    }
    if (breaks == 0) {
      return true;
    }
    // The next paragraph: only when the last one ended with the quote and this one opens with a quote.
    String lastTail = v.text.substring(last.close(), v.paragraphEnd(last.close(), span.open()));
    String lead = v.text.substring(v.paragraphStart(span.open(), last.close()), span.open());
    return lastTail.length() < 60 && !lastTail.contains("\u201C") && lead.isBlank()
        && v.entitiesIn(last.close(), span.open()).stream().noneMatch(e -> e.type() == EntityType.PERSON);
  }

  /**
   * Direct when the quote stands as a statement of its own: nothing but an attribution before it in
   * its sentence (or a colon/comma after one) and nothing but an attribution or punctuation after it;
   * partial when the sentence runs on around it or it opens in lower case.
   */
  private static QuoteKind kindOf(ArticleView v, QuoteSpan span, List<Token> words, Attribution after,
      Attribution before, int prevClose, int nextOpen) {
    if (!words.isEmpty() && Character.isLowerCase(words.get(0).text().charAt(0))) {
      return QuoteKind.PARTIAL;
    }
    int sentenceStart = Math.max(Math.max(prevClose, v.sentences.startOf(span.open())), span.open() - 400);
    sentenceStart = Math.max(sentenceStart, v.paragraphStart(span.open(), sentenceStart));
    String lead = v.text.substring(sentenceStart, span.open()).strip();
    boolean leadOk = lead.isEmpty() || lead.endsWith(":") || lead.endsWith(",") || lead.endsWith("\u2014")
        || lead.endsWith("-") || (before != null && before.cue() != null && before.to() == span.open()
            && lead.length() < 80 && endsWithVerb(lead));
    if (!leadOk) {
      return QuoteKind.PARTIAL;
    }
    int end = Math.min(v.paragraphEnd(span.close(), span.close() + 400), nextOpen);
    String tail = v.text.substring(span.close(), Math.max(span.close(), end)).strip();
    boolean tailOk = tail.isEmpty() || ".!?;".indexOf(tail.charAt(0)) >= 0
        || (after != null && after.cue() != null && after.from() >= span.close()
            && v.text.substring(span.close(), after.from()).matches("[\\s,]*"))
        || tail.startsWith("-") || tail.startsWith("\u2013") || tail.startsWith("\u2014") || tail.startsWith("(")
        || (",".equals(tail.substring(0, 1)) && after != null);
    if (!tailOk && span.end() > span.start()) {
      char lastChar = v.text.charAt(span.end() - 1);
      // "… a sentence." He went on: the quote ended its own sentence
      tailOk = ".!?\u2026".indexOf(lastChar) >= 0 && Character.isUpperCase(tail.charAt(0));
    }
    return tailOk ? QuoteKind.DIRECT : QuoteKind.PARTIAL;
  }

  private static boolean endsWithVerb(String lead) {
    // "He said" / "Trump told reporters" before the quote with no punctuation: still a statement of its own
    return lead.matches("(?s).*\\b(said|says|say|told \\S+|asked|added|wrote|writes|declared|replied|tweeted|stated)");
  }

  private static String context(String text, int from, int to) {
    from = Math.max(0, from);
    to = Math.min(text.length(), Math.max(from, to));
    String context = text.substring(from, to).strip();
    return context.indexOf('\n') < 0 ? context : LINE_BREAK.matcher(context).replaceAll(" ");
  }
}
