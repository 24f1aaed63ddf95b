package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/**
 * The core alone (its tests run without steppe-formats, as an embedder may): web pages and feeds
 * are skipped with a warning naming each file and the module that reads them; the rest is indexed.
 */
class NoFormatReadersTest {
  @TempDir Path corpus;
  @TempDir Path index;

  @Test
  void pagesAndFeedsWithNoReaderAreNamedAndTheRestIsIndexed() throws Exception {
    Files.copy(SeedCorpus.DIR.resolve("001_70616fac980b1ee6.txt"), corpus.resolve("001.txt"));
    Files.createDirectories(corpus.resolve("web"));
    Files.writeString(corpus.resolve("web/page.html"), "<html><body><p>A senator said the treaty was signed.</p></body></html>");
    Files.write(corpus.resolve("web/page.htm.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
    Files.writeString(corpus.resolve("wire.rss"), "<rss version=\"2.0\"><channel><title>Wire</title></channel></rss>");
    Files.writeString(corpus.resolve("briefs.atom"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>");
    Files.writeString(corpus.resolve("headlines.xml"), "<rss version=\"2.0\"></rss>");

    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      IndexSummary summary = steppe.indexCorpus(corpus, null);
      assertEquals(1, summary.added(), summary.toString());
      Map<String, String> skipped = summary.skipped().stream()
          .collect(Collectors.toMap(IndexSummary.Problem::file, IndexSummary.Problem::reason));
      assertEquals(Set.of("web/page.html", "web/page.htm.gz", "wire.rss", "briefs.atom", "headlines.xml"), skipped.keySet());
      skipped.forEach((file, reason) -> assertTrue(reason.contains("org.steppe:steppe-formats"), file + ": " + reason));
      assertTrue(skipped.get("web/page.html").contains("web pages"), skipped.toString());
      assertTrue(skipped.get("headlines.xml").contains("RSS and Atom feeds"), skipped.toString());
      assertEquals(1, steppe.searchArticles(SearchRequest.of("")).total());
    }
  }
}
