package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/** Every speech quotation of the five seed articles, read from the text, through the real pipeline. */
class SeedQuotesTest {
  private static final Map<String, Article> ARTICLES = new HashMap<>();
  private static final Map<String, List<Quote>> QUOTES = new HashMap<>();
  private static Enricher enricher;

  @BeforeAll
  static void enrichSeeds() {
    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    Corpus corpus = Corpus.open(Path.of("corpus"), config, IngestListener.SILENT);
    enricher = Enricher.load(config);
    for (Path file : corpus.files()) {
      for (Article a : corpus.read(file)) {
        String key = a.file().substring(0, 3);
        ARTICLES.put(key, a);
        QUOTES.put(key, enricher.enrich(a).quotes());
      }
    }
    assertEquals(5, QUOTES.size(), "five seed articles");
  }

  /** The one quote whose words contain {@code words}. */
  private static Quote quote(String article, String words) {
    List<Quote> hits = QUOTES.get(article).stream().filter(q -> q.text().contains(words)).toList();
    if (hits.size() != 1) {
      fail("expected one quote with '" + words + "' in " + article + ", found " + hits.size() + ": " + QUOTES.get(article));
    }
    return hits.get(0);
  }

  private static void said(String article, String words, String speaker, QuoteKind kind) {
    Quote q = quote(article, words);
    assertEquals(speaker, q.speaker(), "speaker of '" + words + "'");
    assertEquals(kind, q.kind(), "kind of '" + words + "'");
    assertNotNull(q.speakerMention(), "where the speaker is named for '" + words + "'");
    assertTrue(q.context().contains(words.substring(0, Math.min(20, words.length()))), "context shows the quote");
  }

  private static void notAQuote(String article, String words) {
    assertTrue(QUOTES.get(article).stream().noneMatch(q -> q.text().contains(words)),
        "'" + words + "' is not speech, found in " + QUOTES.get(article));
  }

  @Test
  void senateCommitteeHearing() {
    said("000", "The Parties will conduct a coordinated foreign policy", "Ikram Adyrbekov", QuoteKind.DIRECT);
    said("000", "Indeed, Article 4 is one of the main articles", "Askar Musinov", QuoteKind.DIRECT);
    said("000", "No treaty can come at the expense of our Constitution", "Askar Musinov", QuoteKind.DIRECT);
    said("000", "Recent events testify to this", "Askar Musinov", QuoteKind.DIRECT);
    said("000", "But how do the Russians view this article?", "Ikram Adyrbekov", QuoteKind.DIRECT);
    said("000", "explicitly stated that it would never relinquish", "Askar Musinov", QuoteKind.PARTIAL);
    said("000", "This article will not lead to irreversible consequences", "Askar Musinov", QuoteKind.DIRECT);
    said("000", "full exchange of available information", "Askar Musinov", QuoteKind.PARTIAL);
    said("000", "harmonization of our foreign policy with the Kremlin", "Askar Musinov", QuoteKind.PARTIAL);
  }

  @Test
  void rolesComeFromTheTextFirst() {
    assertEquals("Vice-Minister of Foreign Affairs of Kazakhstan", quote("000", "Recent events testify").role());
    assertEquals("the Vice-Minister", quote("000", "Recent events testify").speakerMention().text());
    assertEquals("Musin", quote("000", "No treaty can come").speakerMention().text());
    assertEquals("head of the human rights group Liberty", quote("001", "slippery slope").role());
    assertEquals("Minister of Foreign Affairs of the Republic of Kazakhstan", quote("002", "Our country plans").role());
    // no role stated next to the name: the gazetteer's
    assertEquals("President of Belarus", quote("003", "tricked out with WTO").role());
  }

  @Test
  void reportedSpeechInTheHearing() {
    Quote stressed = quote("000", "Kazakhstan did not always assume the same stance");
    assertEquals(QuoteKind.INDIRECT, stressed.kind());
    assertEquals("Askar Musinov", stressed.speaker());
    assertEquals("He", stressed.speakerMention().text());
    Quote according = quote("000", "foreign policy is independent and sovereign");
    assertEquals(QuoteKind.INDIRECT, according.kind());
    assertEquals("Askar Musinov", according.speaker());
    String text = ARTICLES.get("000").text();
    assertTrue(text.substring(according.start(), according.end()).startsWith("Kazakhstan's foreign policy is"),
        "an indirect quote spans the reported clause");
  }

  @Test
  void treatyCommentary() {
    said("001", "Kazakstan has chosen the slippery slope of partnership", "Galym Ageleuov", QuoteKind.DIRECT);
    said("001", "Putting pressure on people to speak Kazak", "Nursultan Nazarbayev", QuoteKind.PARTIAL);
    said("001", "violence and loss of sovereignty", "Nursultan Nazarbayev", QuoteKind.PARTIAL);
    said("001", "Putin doesn’t play by the rules", "Galymbek Akulbekov", QuoteKind.DIRECT);
    // opened with a single mark, closed with a double one, a nested ‘protector’ inside
    said("001", "The ‘protector’ of Russians [abroad] recognises no borders.", "Galymbek Akulbekov", QuoteKind.DIRECT);
    said("001", "Coordinating does not mean falling into line with Russia", "Zamir Karajanov", QuoteKind.DIRECT);
    said("001", "Discussing foreign policy affairs with Russia", "Zamir Karajanov", QuoteKind.DIRECT);
    said("001", "it isn’t any kind of guarantee", "Zamir Karajanov", QuoteKind.PARTIAL);
    said("001", "Appetite comes with eating", "Zamir Karajanov", QuoteKind.DIRECT);
    said("001", "narrow vested interests of an elite", "Galymbek Akulbekov", QuoteKind.PARTIAL);
    // scare quotes and treaty wording
    notAQuote("001", "coordinate");
    notAQuote("001", "seeking approval");
    notAQuote("001", "protecting");
    notAQuote("001", "pursue coordinated foreign policies");
  }

  @Test
  void dashAttributionAndTitles() {
    said("002", "Our country plans to promote its interests", "Erlan Idrissov", QuoteKind.DIRECT);
    notAQuote("002", "Future Energy");
    notAQuote("002", "C&C Consulting");
    assertEquals(1, QUOTES.get("002").size(), "the concept paper quotes one person: " + QUOTES.get("002"));
  }

  @Test
  void roundtable() {
    said("003", "Kazakhstan will be supporting it by 100%", "Vladimir Yevseyev", QuoteKind.DIRECT);
    said("003", "Kazakhstan is our closest ally", "Stanislav Pritchin", QuoteKind.DIRECT);
    said("003", "It appears that when a true crisis emerged", "Stanislav Pritchin", QuoteKind.DIRECT);
    said("003", "We have managed to combine the requirements of WTO", "Nursultan Nazarbayev", QuoteKind.DIRECT);
    said("003", "tricked out with WTO.", "Alexander Lukashenko", QuoteKind.PARTIAL);
    notAQuote("003", "Foreign Policy Initiatives amid Global Changes");
    notAQuote("003", "Islam against Terrorism");
  }

  @Test
  void briefingHasNoDirectSpeech() {
    assertTrue(QUOTES.get("004").stream().noneMatch(q -> q.kind() == QuoteKind.DIRECT), QUOTES.get("004").toString());
    Quote according = quote("004", "the EEU functions on the principles of economic pragmatism");
    assertEquals(QuoteKind.INDIRECT, according.kind());
    assertEquals("Erlan Idrissov", according.speaker());
  }

  @Test
  void offsetsPointAtTheQuotedWords() {
    QUOTES.forEach((key, quotes) -> {
      String text = ARTICLES.get(key).text();
      int last = -1;
      for (Quote q : quotes) {
        String span = text.substring(q.start(), q.end());
        assertTrue(span.startsWith(q.text().substring(0, Math.min(15, q.text().length()))), q.toString());
        assertTrue(span.endsWith(q.text().substring(Math.max(0, q.text().length() - 5))), q.toString());
        assertTrue(q.start() >= last, "quotes come in text order");
        last = q.start();
        if (q.speakerMention() != null) {
          Mention m = q.speakerMention();
          assertEquals(m.text(), text.substring(m.start(), m.end()));
        }
      }
    });
  }

  @Test
  void sharedAcrossThreadsGivesTheSameQuotes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int round = 0; round < 40; round++) {
        for (String key : ARTICLES.keySet()) {
          results.add(pool.submit(() -> enricher.enrich(ARTICLES.get(key)).quotes().equals(QUOTES.get(key))));
        }
      }
      for (Future<Boolean> f : results) {
        assertTrue(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
