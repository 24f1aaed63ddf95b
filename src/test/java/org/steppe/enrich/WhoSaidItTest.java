package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/** Who said it, on real news: unnamed sources stay unnamed, organisations speak for themselves. */
class WhoSaidItTest {
  private static final Path TEXT = Path.of("../shared/datasets/polnear/data/train/text");
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
}
