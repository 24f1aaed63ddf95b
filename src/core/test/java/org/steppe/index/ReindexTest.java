package org.steppe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.ingest.UnreadableCorpusException;
import org.steppe.search.SearchRequest;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.RemovalLimit;
import org.steppe.search.SteppeConfig;
import org.steppe.search.TooManyRemovalsException;
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

  @Test
  void aCorpusFolderThatIsMissingOrAFileRemovesNothing() throws Exception {
    copySeeds();
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      Path mistyped = corpus.resolveSibling(corpus.getFileName() + "z");
      UnreadableCorpusException missing = assertThrows(UnreadableCorpusException.class,
          () -> steppe.indexCorpus(mistyped, IndexProgress.NONE));
      assertTrue(missing.getMessage().contains("no corpus folder at " + mistyped), missing.getMessage());
      Path aFile = corpus.resolve("003_049d21399e94aeb1.txt");
      UnreadableCorpusException notAFolder = assertThrows(UnreadableCorpusException.class,
          () -> steppe.indexCorpus(aFile, IndexProgress.NONE));
      assertTrue(notAFolder.getMessage().contains("is not a folder"), notAFolder.getMessage());
      assertEquals(5, steppe.articleCount(), "nothing was removed");
    }
  }

  @Test
  void aRunThatWouldEmptyMostOfTheIndexStopsUntilAllowed() throws Exception {
    copySeeds();
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      // The same run changes an article and loses three: neither may reach the index, now or at a later commit.
      Path changed = corpus.resolve("003_049d21399e94aeb1.txt");
      Files.writeString(changed, Files.readString(changed).replace("Limits of alliance", "Limits of the alliance"));
      for (String gone : List.of("000_f2ec2cef95c906d2.txt", "001_70616fac980b1ee6.txt", "002_4ac4e2ebd0d83a8e.txt")) {
        Files.delete(corpus.resolve(gone));
      }
      TooManyRemovalsException e = assertThrows(TooManyRemovalsException.class,
          () -> steppe.indexCorpus(corpus, IndexProgress.NONE));
      assertEquals(3, e.removed());
      assertTrue(e.getMessage().contains("3 of the 5") && e.getMessage().contains("--allow-mass-delete"), e.getMessage());
      steppe.commit();
      assertEquals(5, steppe.articleCount(), "nothing removed");
      assertEquals(0, steppe.searchArticles(SearchRequest.of("\"Limits of the alliance\"")).total(), "nothing half-done published");

      // A higher limit, or none, lets the same run through.
      IndexSummary allowed = steppe.indexCorpus(corpus, IndexProgress.NONE, new RemovalLimit(0.6));
      assertEquals(3, allowed.removed());
      assertEquals(1, allowed.updated());
      assertEquals(2, steppe.articleCount());
      Files.delete(changed);
      Files.delete(corpus.resolve("004_8b1bb3de2c38a53d.txt"));
      assertThrows(TooManyRemovalsException.class, () -> steppe.indexCorpus(corpus, IndexProgress.NONE));
      assertEquals(2, steppe.indexCorpus(corpus, IndexProgress.NONE, RemovalLimit.NONE).removed());
      assertEquals(0, steppe.articleCount());
    }
  }

  @Test
  void storiesThatShareAnIdAcrossFilesResolveTheSameWayEveryRun() throws Exception {
    Files.writeString(corpus.resolve("reut2-001.sgm"), story(7, "Copper output rises", "Miners in Chile raised copper output."));
    Files.writeString(corpus.resolve("reut2-000.sgm"), story(7, "Wheat tender opens", "Egypt opened a wheat tender on Monday.")
        + story(8, "Cocoa review", "Showers continued in the Bahia cocoa zone."));
    for (int run = 0; run < 3; run++) {
      Path idx = index.resolve("run" + run);
      try (WritableSteppe steppe = Steppe.openWritable(idx, SeedCorpus.STEPPE_CONFIG)) {
        IndexSummary first = steppe.indexCorpus(corpus, IndexProgress.NONE);
        assertEquals(2, first.articles());
        assertEquals("Wheat tender opens", steppe.article("7").orElseThrow().title(), "the first file in path order wins");
        IndexSummary.Problem warning = first.warnings().stream().filter(w -> w.reason().contains("id 7")).findFirst().orElseThrow();
        assertEquals("reut2-001.sgm", warning.file());
        assertTrue(warning.reason().contains("reut2-000.sgm"), warning.reason());
        IndexSummary again = steppe.indexCorpus(corpus, IndexProgress.NONE);
        assertEquals(0, again.added() + again.updated() + again.removed(), "an unchanged corpus changes nothing");
      }
    }
  }

  @Test
  void aFileThatBreaksItsReaderKeepsItsLastVersionAndTheRunGoesOn() throws Exception {
    // A configuration pattern that recurses once per character: a long enough line overflows the stack.
    Path config = Files.createDirectories(index.resolve("config"));
    Files.writeString(config.resolve("boilerplate.yaml"), "chrome:\n  - '^(?:x|y)+$'\n");
    SteppeConfig hostile = SteppeConfig.fromFolder(config);
    Files.writeString(corpus.resolve("a.txt"), "Good article\n\nAstana hosted talks on Syria.");
    Files.writeString(corpus.resolve("b.txt"), "Second article\n\nAlmaty hosted a film festival.");
    try (WritableSteppe steppe = Steppe.openWritable(index.resolve("idx"), hostile)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      Files.writeString(corpus.resolve("a.txt"), "Good article\n\n" + "xy".repeat(200_000));
      Files.writeString(corpus.resolve("b.txt"), "Second article\n\nAlmaty hosted a jazz festival.");
      IndexSummary s = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(1, s.updated(), "b.txt");
      assertEquals(0, s.removed());
      assertEquals(1, s.kept());
      IndexSummary.Problem broken = s.skipped().stream().filter(p -> p.file().equals("a.txt")).findFirst().orElseThrow();
      assertTrue(broken.reason().contains("StackOverflowError"), broken.reason());
      assertEquals(1, steppe.searchArticles(SearchRequest.of("Syria")).total(), "a.txt keeps its last good version");
      assertEquals(1, steppe.searchArticles(SearchRequest.of("jazz")).total());
    }
  }

  @Test
  void aStoryRemovedFromAFileThatIsStillThereIsRemoved() throws Exception {
    Path sgm = corpus.resolve("reut2-000.sgm");
    Files.writeString(sgm, story(1, "Wheat tender opens", "Egypt opened a wheat tender.") + story(2, "Cocoa review", "Showers in Bahia.")
        + story(3, "Copper output rises", "Chile raised copper output."));
    try (WritableSteppe steppe = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      Files.writeString(sgm, story(1, "Wheat tender opens", "Egypt opened a wheat tender.") + story(3, "Copper output rises", "Chile raised copper output."));
      IndexSummary s = steppe.indexCorpus(corpus, IndexProgress.NONE);
      assertEquals(1, s.removed());
      assertFalse(steppe.article("2").isPresent());
    }
  }

  private void copySeeds() throws Exception {
    for (Path seed : Files.list(SeedCorpus.DIR).toList()) {
      Files.copy(seed, corpus.resolve(seed.getFileName()));
    }
  }

  private static String story(int newId, String title, String body) {
    return "<REUTERS NEWID=\"" + newId + "\">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n<TEXT>\n<TITLE>" + title
        + "</TITLE>\n<BODY>" + body + "</BODY></TEXT>\n</REUTERS>\n";
  }
}
