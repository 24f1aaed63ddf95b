package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;

/** The seed articles' metadata, as their text states it, and their bodies without site chrome. */
class SeedMetadataTest {
  private final Map<String, Article> seeds = SeedCorpus.articles();

  @Test
  void readsAllFiveSeedsWithRelativePathIds() {
    assertEquals(5, seeds.size());
    assertTrue(seeds.containsKey("000_f2ec2cef95c906d2.txt"));
  }

  @Test
  void tengrinewsArticleHasItsSourceNoTitleAndNoInventedDate() {
    Metadata m = SeedCorpus.seed("000").metadata();
    assertEquals("Tengrinews", m.source());
    assertNull(m.title(), "seed 000 opens with its lede, not a headline");
    assertNull(m.date(), "seed 000 states no date");
    assertEquals("Altynai Zhumzhumina, Dinara Urazova", m.author());
  }

  @Test
  void cabarArticleReadsTitleFromUnderTheChrome() {
    Metadata m = SeedCorpus.seed("001").metadata();
    assertEquals("CABAR.asia", m.source());
    assertEquals("Kazak-Russian Treaty: Cave-in or Pragmatism?", m.title());
    assertNull(m.date(), "'October 23' has no year: no date is invented");
    assertEquals("Gaziza Baituova", m.author());
  }

  @Test
  void bylineDateWinsOverTheSiteClock() {
    Metadata m = SeedCorpus.seed("002").metadata();
    assertEquals("Multi-vector policy of Kazakhstan", m.title());
    assertEquals(LocalDate.of(2017, 3, 3), m.date(), "17.04.2024 is when the page was saved, not published");
    assertEquals("Akmaral Aben", m.author());
    assertEquals("Baltic States news & analytics", m.source());
  }

  @Test
  void eadailyArticleHasDateAuthorAndPermalink() {
    Metadata m = SeedCorpus.seed("003").metadata();
    assertEquals("EADaily", m.source());
    assertEquals("Russia –Kazakhstan: Limits of alliance", m.title());
    assertEquals(LocalDate.of(2015, 12, 2), m.date());
    assertEquals("Hayk Khalatyan", m.author());
    assertEquals("eadaily.com/en/news/2015/12/02/russia-kazakhstan-limits-of-alliance", m.url());
  }

  @Test
  void jamestownArticleHasPublicationButEmptyByline() {
    Metadata m = SeedCorpus.seed("004").metadata();
    assertEquals("Eurasia Daily Monitor", m.source());
    assertEquals("Kazakhstan’s Foreign Policy: One for All, or All for One?", m.title());
    assertNull(m.author(), "'By:' with no name states no author");
    assertNull(m.date());
  }

  @Test
  void boilerplateLinesAreNotInAnyBody() {
    List<String> chrome = List.of("USD 62.33", "EUR 72.99", "BRENT", "Print version", "Spelling error report",
        "Show more news", "Please make active links", "Press «Like»", "EurAsia Daily in Facebook",
        "Thank you, don't show this to me again", "© CABAR", "Permalink:", "Published on", "All news",
        "Search site", "Wednesday, 17.04.2024", "Analytics, Baltic States", "The following text will be sent");
    for (Article a : seeds.values()) {
      String body = a.body();
      for (String c : chrome) {
        assertFalse(body.contains(c), a.id() + " body still contains '" + c + "'");
      }
    }
  }

  @Test
  void bodiesKeepTheArticleText() {
    assertTrue(SeedCorpus.seed("003").body().contains("Alexander Lukashenko harshly criticized"));
    assertTrue(SeedCorpus.seed("002").body().contains("Akmaral Aben, Head of the Centre for Strategic Communications"),
        "the byline stays, without its glued 'Print version'");
  }

  @Test
  void spacerParagraphsOfNoBreakSpacesAreDropped() {
    String body = SeedCorpus.seed("002").body();
    assertTrue(body.lines().noneMatch(l -> !l.isEmpty() && l.strip().replace("\u00a0", "").isEmpty()),
        "seed 002 separates paragraphs with lines holding only U+00A0");
  }

  @Test
  void repeatedLedeIsKeptOnce() {
    String body = SeedCorpus.seed("000").body();
    String lede = "A clause on coherent foreign policy in the Agreement between Kazakhstan and Russia";
    assertEquals(body.indexOf(lede), body.lastIndexOf(lede), "the lede appears once");
    assertTrue(body.startsWith(lede));
  }

  @Test
  void bodyOffsetsMapBackToTheText() {
    Article a = SeedCorpus.seed("003");
    int inText = a.text().indexOf("Nazarbayev");
    int inBody = a.bodyOffset(inText);
    assertEquals("Nazarbayev", a.body().substring(inBody, inBody + "Nazarbayev".length()));
    assertEquals(-1, a.bodyOffset(a.text().indexOf("Permalink")), "dropped lines have no body offset");
  }

  @Test
  void cleanTextKeepsOffsetsAndBlanksChrome() {
    Article a = SeedCorpus.seed("003");
    String clean = a.cleanText();
    assertEquals(a.text().length(), clean.length());
    assertFalse(clean.contains("USD 62.33"));
    int at = a.text().indexOf("Yevseyev");
    assertEquals("Yevseyev", clean.substring(at, at + 8));
  }
}
