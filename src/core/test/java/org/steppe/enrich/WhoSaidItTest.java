package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.ingest.Metadata;
import org.steppe.ingest.Segment;

/**
 * Who said it, on real news: unnamed sources stay unnamed, organisations speak for themselves, a
 * speaker is someone, and a person goes by the fullest name the article gives.
 */
class WhoSaidItTest {
  private static final Path TEXT = Path.of("../shared/datasets/polnear/data/train/text");
  private static final Path REUTERS = Path.of("../shared/datasets/reuters21578");
  /** Speakers Steppe once gave on Reuters (71 "Inc", 39 "Analysts", 36 "Corp" …): words that name no one. */
  private static final Set<String> NO_ONE = Set.of("Inc", "Corp", "Ltd", "Co", "Analysts", "Dealers", "Traders",
      "Officials", "Another", "One", "Thanks", "Bank");
  private static Enricher enricher;
  private static Corpus corpus;

  @BeforeAll
  static void load() {
    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    enricher = Enricher.load(config);
    corpus = Corpus.open(TEXT, config, IngestListener.SILENT);
  }

  private static Quote quote(String article, String words) {
    for (Article a : corpus.read(TEXT.resolve(article + ".txt"))) {
      List<Quote> hits = enricher.enrich(a).quotes().stream().filter(q -> q.text().contains(words)).toList();
      if (hits.size() == 1) {
        return hits.get(0);
      }
      fail("expected one quote with '" + words + "', found " + hits);
    }
    throw new AssertionError("no article " + article);
  }

  @Test
  void anUnnamedConfidantStaysUnnamedWithTheDescriptionKept() {
    Quote q = quote("politico_2016-05-12_the-trump-gop-feud-lives-on", "Trump is bigger than the Republican Party");
    assertNull(q.speaker(), "said one Trump confidant: not Donald Trump");
    assertEquals("one Trump confidant", q.role());
  }

  @Test
  void aCampaignStatementGoesToTheCampaign() {
    Quote q = quote("nyt_2015-12-31_trump-turns-attacks-on-another-c", "Hillary Clinton won't be bullied");
    assertEquals("Clinton campaign", q.speaker(), "Clinton's campaign said in a statement: the campaign, not Hillary Clinton");
  }

  @Test
  void wireSpeakersAreSomeone() {
    Corpus wire = Corpus.open(REUTERS, ConfigDir.of(Path.of("index-config")), IngestListener.SILENT);
    int speakers = 0;
    for (Article a : wire.read(REUTERS.resolve("reut2-000.sgm"))) {
      for (Quote q : enricher.enrich(a).quotes()) {
        if (q.speaker() != null) {
          speakers++;
          assertTrue(!NO_ONE.contains(q.speaker()), "story " + a.id() + ": '" + q.speaker() + "' said '" + q.text() + "'");
        }
      }
    }
    assertTrue(speakers > 300, speakers + " quotes with a speaker in the first thousand stories");
  }

  @Test
  void theBankIsTheBankTheStoryNames() {
    Corpus wire = Corpus.open(REUTERS, ConfigDir.of(Path.of("index-config")), IngestListener.SILENT);
    Article story = wire.read(REUTERS.resolve("reut2-000.sgm")).stream().filter(a -> a.id().equals("330")).findFirst().orElseThrow();
    List<Quote> bank = enricher.enrich(story).quotes().stream().filter(q -> q.text().startsWith("the public sector contribution")).toList();
    assertEquals(1, bank.size(), "'The Bank said the public sector contribution …'");
    assertEquals("Bank of England", bank.get(0).speaker());
  }

  @Test
  void thePersonOfACompanySpeaksNotTheCompany() {
    List<Quote> quotes = wire("reut2-000.sgm", "54");
    assertEquals("David Wyss", said(quotes, "It's a rather gloomy outlook").speaker(), "said David Wyss of Data Resources Inc.");
    assertEquals("Donald Maude", said(quotes, "The report definitely points").speaker());
  }

  @Test
  void aSpokesmanForACompanyIsUnnamed() {
    List<Quote> quotes = wire("reut2-005.sgm", "5626");
    Quote spokesman = said(quotes, "right now we are still accruing");
    assertNull(spokesman.speaker(), "a spokesman for Morgan told Reuters");
    assertEquals("a spokesman for Morgan", spokesman.role());
    assertEquals("J.P. Morgan and Co Inc", said(quotes, "it is possible that nonaccrual").speaker(), "Morgan, which has …, said");
  }

  @Test
  void anOrganisationSpeaksUnderTheFullestNameTheStoryGivesIt() {
    // named in full, then without the suffix: "Media General Inc … Media General said"
    assertEquals("Media General Inc", said(wire("reut2-010.sgm", "10222"), "the increased dividend is payable").speaker());
    // an acronym the story spells out: "the Food and Drug Administration … the FDA said"
    assertEquals("Food and Drug Administration", said(wire("reut2-010.sgm", "10554"), "a second review of the drug").speaker());
    assertEquals("National Broadcasting Co", said(wire("reut2-012.sgm", "12328"), "no intention to replace").speaker());
  }

  @Test
  void theCompanyIsTheCompanyTheStoryNames() {
    Quote q = said(wire("reut2-019.sgm", "19030"), "Our strong balance sheet");
    assertEquals("National SemiConductor Corp", q.speaker(), "National Semiconductor … the company said");
    assertEquals("The company", q.speakerMention().text());
  }

  @Test
  void aPronounStandsForThePersonTheSamePronounStoodForBefore(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    // Mary Hollis is named as far back as a pronoun looks from the first "she", one sentence too far
    // for the second: on its own it would name no one, but the first "she" already stood for her.
    java.nio.file.Files.writeString(dir.resolve("story.txt"), """
        Gas imports sought by regulator

        Blocking gas imports would not serve consumers, said Mary Hollis, chairman of the energy commission.

        The commission met on Tuesday. Imports rose 21 pct in the first two months. Prices fell.

        "We heard the producers. We read their letters. But we do seriously recognize the importance of the supplies to our markets," she said. "And even in the short term, competition is generally a good thing," she added.
        """);
    Corpus story = Corpus.open(dir, ConfigDir.of(Path.of("index-config")), IngestListener.SILENT);
    List<Quote> quotes = enricher.enrich(story.read(dir.resolve("story.txt")).get(0)).quotes();
    assertEquals("Mary Hollis", said(quotes, "seriously recognize").speaker());
    assertEquals("Mary Hollis", said(quotes, "competition is generally a good thing").speaker(), "she added: the same she");
  }

  private static List<Quote> wire(String file, String id) {
    Corpus wire = Corpus.open(REUTERS, ConfigDir.of(Path.of("index-config")), IngestListener.SILENT);
    Article story = wire.read(REUTERS.resolve(file)).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    return enricher.enrich(story).quotes();
  }

  private static Quote said(List<Quote> quotes, String words) {
    List<Quote> hits = quotes.stream().filter(q -> q.text().contains(words)).toList();
    assertEquals(1, hits.size(), "one quote with '" + words + "': " + quotes);
    return hits.get(0);
  }

  @Test
  void aSurnameGoesToThePersonTheTitleFits() {
    List<Quote> quotes = quotes("Michelle Obama spoke first. Later Barack Obama took the stage.\n\n"
        + "\u201cWe have work to do in this country,\u201d Mr. Obama said.\n\n"
        + "\u201cThe children are watching all of us,\u201d Mrs. Obama said.\n");
    assertEquals(List.of("Barack Obama", "Michelle Obama"), quotes.stream().map(Quote::speaker).toList());
  }

  @Test
  void aBareSurnameBelongsToTheBakerJustNamed() {
    List<Quote> quotes = quotes("Treasury Secretary James Baker met Howard Baker, the White House chief of staff.\n\n"
        + "Later, Howard Baker spoke to reporters.\n\n"
        + "\u201cThe President is in good health and good spirits,\u201d Baker said.\n");
    assertEquals(List.of("Howard Baker"), quotes.stream().map(Quote::speaker).toList());
  }

  @Test
  void titlesAreNoPartOfTheName() {
    List<Quote> quotes = quotes("Texas Sen. Ted Cruz spoke in Iowa on Monday.\n\n"
        + "\u201cWe will repeal every word of it,\u201d Texas Sen. Ted Cruz said.\n");
    assertEquals(List.of("Ted Cruz"), quotes.stream().map(Quote::speaker).toList());
  }

  private static List<Quote> quotes(String text) {
    return enricher.enrich(new Article("t", "t.txt", text, List.of(new Segment(0, text.length())), Metadata.NONE)).quotes();
  }
}
