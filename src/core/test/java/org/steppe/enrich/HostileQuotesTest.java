package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.quote.RuleQuoteExtractor;
import org.steppe.ingest.Article;
import org.steppe.ingest.Metadata;
import org.steppe.ingest.Segment;

/** Inputs real archives contain and attackers send: broken marks, huge runs of marks, nothing at all. */
class HostileQuotesTest {
  private static Enricher enricher;

  @BeforeAll
  static void load() {
    // Quote extraction with the gazetteer and rule recognisers: the statistical model's own speed
    // on hostile text is not what these time limits are about.
    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    Gazetteer gazetteer = Gazetteer.load(config);
    SpeechVerbs verbs = SpeechVerbs.load(config);
    PersonRules rules = PersonRules.load(config);
    enricher = new Enricher(gazetteer,
        List.of(new GazetteerRecognizer(gazetteer), new PersonRuleRecognizer(rules, verbs)),
        new EntityResolver(rules.keys(rules.notNames())), RuleQuoteExtractor.load(config, gazetteer, verbs));
  }

  private static List<Quote> quotes(String text) {
    Article a = new Article("t", "t.txt", text, List.of(new Segment(0, text.length())), Metadata.NONE);
    return enricher.enrich(a).quotes();
  }

  @Test
  void emptyText() {
    assertEquals(List.of(), quotes(""));
    assertEquals(List.of(), quotes("   \n\n  "));
  }

  @Test
  void quoteMarkAtTheEnd() {
    assertEquals(List.of(), quotes("He said \""));
    assertEquals(List.of(), quotes("\u201C"));
    assertEquals(List.of(), quotes("'"));
  }

  @Test
  void unclosedQuoteDoesNotSwallowTheArticle() {
    String text = "Jane Roe said \u201Cwe will win this fight no matter what happens next week.\n\n"
        + "The vote is on Tuesday.\n\n"
        + "\u201CWe are ready for the vote,\u201D John Smith told reporters.";
    List<Quote> qs = quotes(text);
    Quote ready = qs.stream().filter(q -> q.text().startsWith("We are ready")).findFirst().orElseThrow();
    assertEquals("We are ready for the vote,", ready.text());
    assertEquals("John Smith", ready.speaker());
    assertTrue(qs.stream().noneMatch(q -> q.text().contains("The vote is on Tuesday")), qs.toString());
  }

  @Test
  void multiParagraphQuoteContinues() {
    String text = "John Smith, head of the union, said: \u201CWe will strike on Monday if the offer does not change.\n\n"
        + "\u201CWe have waited long enough for a fair deal.\u201D\n\nThe company declined to comment.";
    List<Quote> qs = quotes(text);
    assertEquals(1, qs.size(), qs.toString());
    Quote q = qs.get(0);
    assertEquals("John Smith", q.speaker());
    assertEquals("head of the union", q.role());
    assertTrue(q.text().startsWith("We will strike") && q.text().endsWith("a fair deal."), q.text());
  }

  @Test
  void interruptedQuoteIsTwoSpansWithOneSpeaker() {
    String text = "\u201CThe plan is dead,\u201D Mary Jones said. \u201CNobody in this chamber will vote for it.\u201D";
    List<Quote> qs = quotes(text);
    assertEquals(2, qs.size(), "one quotation in two parts, the attribution in neither: " + qs);
    assertEquals("The plan is dead,", qs.get(0).text());
    assertEquals("Nobody in this chamber will vote for it.", qs.get(1).text());
    for (Quote q : qs) {
      assertEquals("Mary Jones", q.speaker(), "both parts keep the speaker");
      assertEquals(q.text(), text.substring(q.start(), q.end()));
      assertTrue(q.end() <= text.indexOf("Mary") || q.start() > text.indexOf("said"), "the tag is outside " + q);
    }
  }

  @Test
  void forgottenClosingMarkEndsAtTheAttribution() {
    // Reuters 54: the writer forgot the mark after "economy,"; the tag is not quoted.
    String text = "\"It's a rather gloomy outlook for the economy, said David Wyss of Data Resources Inc. "
        + "\"I'm particularly impressed by the drop in orders.\"";
    List<Quote> qs = quotes(text);
    assertEquals("It's a rather gloomy outlook for the economy,", qs.get(0).text(), qs.toString());
    assertEquals("I'm particularly impressed by the drop in orders.", qs.get(1).text());
    // Who said it is the attributor's choice (issue 12, speakers); both parts are one quotation.
    assertEquals(qs.get(0).speaker(), qs.get(1).speaker(), qs.toString());
  }

  @Test
  void pronounsFollowGender() {
    String text = "Hillary Clinton met Donald Trump on Monday. \u201CWe had a frank talk about trade,\u201D she said.";
    assertEquals("Hillary Clinton", quotes(text).get(0).speaker());
  }

  @Test
  void unknownSpeakerStaysNull() {
    String text = "The report was released on Monday. \u201CThis is a serious breach of the rules of the house,\u201D a source said.";
    List<Quote> qs = quotes(text);
    assertEquals(1, qs.size(), qs.toString());
    assertEquals(null, qs.get(0).speaker());
  }

  @Test
  void megabyteOfQuoteMarks() {
    for (String unit : List.of("\"", "\u201C", "\u201D", "\u2018", "'", "\"\u201C\u201D\u2018\u2019' ", "\u201Ca \u201D ", "\" he said ")) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 1_000_000) {
        b.append(unit);
      }
      String text = b.toString();
      List<Quote> qs = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> quotes(text), "unit " + unit);
      for (Quote q : qs) {
        assertTrue(q.start() >= 0 && q.end() <= text.length() && q.start() <= q.end());
      }
    }
  }

  @Test
  void megabyteOfOneParagraphWithQuotes() {
    StringBuilder b = new StringBuilder();
    while (b.length() < 1_000_000) {
      b.append("\u201CIt is fine,\u201D he said, and \u2018then\u2019 she said \"more\u201D without end ");
    }
    String text = b.toString();
    List<Quote> qs = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> quotes(text));
    assertTrue(qs.size() > 1000);
  }
}
