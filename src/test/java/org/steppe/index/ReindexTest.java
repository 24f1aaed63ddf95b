package org.steppe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.search.SearchRequest;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.Steppe;
import org.steppe.search.WritableSteppe;

/** Re-running the indexer brings the index in line with the corpus: no duplicates, no lost articles. */
class ReindexTest {
  @TempDir Path corpus;
  @TempDir Path index;

  @Test
  void reindexingIsIdempotentAndFollowsChanges() throws Exception {
    for (Path seed : Files.list(SeedCorpus.DIR).toList()) {
      Files.copy(seed, corpus.resolve(seed.getFileName()));
    }
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      IndexSummary first = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(5, first.added());
      long docsAfterFirst = steppe.articleCount();

      IndexSummary again = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(0, again.added() + again.updated() + again.removed());
      assertEquals(5, again.unchanged());
      assertEquals(docsAfterFirst, steppe.articleCount(), "no duplicates");

      Path changed = corpus.resolve("003_049d21399e94aeb1.txt");
      Files.writeString(changed, Files.readString(changed).replace("Limits of alliance", "Limits of the alliance"));
      Files.delete(corpus.resolve("004_8b1bb3de2c38a53d.txt"));
      Files.writeString(corpus.resolve("new.txt"), "Steppe news\n\nNursultan Nazarbayev visited Almaty on Monday.");

      IndexSummary third = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(1, third.added());
      assertEquals(1, third.updated());
      assertEquals(1, third.removed());
      assertEquals(3, third.unchanged());
      assertEquals(5, steppe.articleCount());
      assertEquals(1, steppe.searchArticles(SearchRequest.of("\"Limits of the alliance\"")).total());
      assertEquals(0, steppe.searchArticles(SearchRequest.of("\"Dialogue Bridge\"")).total(), "the deleted article is gone");
      assertTrue(steppe.article("new.txt").isPresent());
    }
  }

  @Test
  void aFileThatTurnsBadKeepsItsLastGoodVersion() throws Exception {
    Path file = corpus.resolve("a.txt");
    Files.writeString(file, "Good article\n\nAstana hosted talks on Syria.");
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      Files.write(file, new byte[] {0, 1, 2, 0});
      IndexSummary s = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(0, s.removed());
      assertEquals("a.txt", s.skipped().get(0).file());
      assertEquals(1, steppe.searchArticles(SearchRequest.of("Astana")).total());
    }
  }
}
