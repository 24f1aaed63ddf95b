package org.steppe.formats;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.ingest.ParagraphChecks;

/** A web page's blocks are its paragraphs, never rejoined as hard-wrapped text, and they map back into the page. */
class WebPageParagraphsTest {
  @Test
  void aWebPagesBlocksAreItsParagraphs() {
    Path page = Path.of("src/formats/test/resources/formats");
    Article html = Corpus.open(page, SeedCorpus.CONFIG, IngestListener.SILENT).read(page.resolve("news-page.html")).get(0);
    assertTrue(html.paragraphed(), "a web page's blocks are its paragraphs");
    ParagraphChecks.mapsBack(html);
  }
}
