package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/** Configuration from code and from a folder, and an index that keeps the analysis it was built with. */
class ConfigurationTest {
  @TempDir Path index;

  static final SteppeConfig.AnalysisChain PLAIN = new SteppeConfig.AnalysisChain("standard",
      List.of(SteppeConfig.TokenFilter.of("lowercase")));

  @Test
  void aMissingConfigurationFolderIsAnErrorNotTheBuiltInDefaults() {
    Path missing = index.resolve("no-such-config");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> SteppeConfig.fromFolder(missing));
    assertEquals(missing.toString(), e.file());
    assertTrue(e.getMessage().contains("no configuration folder"), e.getMessage());
  }

  @Test
  void aMalformedEntryGivenInCodeIsReportedLikeAFile() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> SteppeConfig.builder().file("sources.yaml", "sources:\n  - match: [x]\n").build());
    assertTrue(e.getMessage().contains("sources.yaml (given in code):2"), e.getMessage());
  }

  @Test
  void anIndexRefusesToOpenWithAnotherIndexAnalysisAndSaysWhatDiffers() throws IOException {
    try (WritableSteppe steppe = SeedIndex.index(index)) {
      assertEquals(5, steppe.articleCount());
    }
    SteppeConfig unstemmed = SteppeConfig.builder().folder(Path.of("index-config")).analysis(PLAIN, null).build();
    for (var open : List.<Opener>of(() -> Steppe.open(index, unstemmed), () -> Steppe.openWritable(index, unstemmed))) {
      ConfigurationException e = assertThrows(ConfigurationException.class, open::run);
      assertTrue(e.getMessage().contains("[markAcronyms(words=stopwords.txt) > standard | englishPossessive | lowercase | asciiFolding | porterStem]"),
          e.getMessage());
      assertTrue(e.getMessage().contains("[standard | lowercase]"), e.getMessage());
      assertTrue(e.getMessage().contains("Re-index"), e.getMessage());
    }
    // Query-time analysis and ranking may change: they need no re-indexing.
    SteppeConfig otherRanking = SteppeConfig.builder().folder(Path.of("index-config")).bm25(0.9, 0.4).build();
    try (Steppe steppe = Steppe.open(index, otherRanking)) {
      assertEquals(3, steppe.searchArticles(SearchRequest.of("Nazarbaev")).total());
    }
  }

  @Test
  void anIndexOfAnOlderFieldLayoutIsSearchedButNotUpdatedAndSaysReindex() throws IOException {
    try (WritableSteppe steppe = SeedIndex.index(index)) {
      assertEquals(5, steppe.articleCount());
    }
    // As an index written before layouts were recorded: its last commit names none.
    try (var dir = org.apache.lucene.store.FSDirectory.open(index);
        var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
      Map<String, String> data = new java.util.HashMap<>(org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData());
      data.remove("layout");
      writer.setLiveCommitData(data.entrySet(), true);
      writer.commit();
    }
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG));
    assertTrue(e.getMessage().contains("field layout 1; this version writes layout 2"), e.getMessage());
    assertTrue(e.getMessage().contains("Re-index"), e.getMessage());
    try (Steppe steppe = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
      assertEquals(3, steppe.searchArticles(SearchRequest.of("Nazarbaev")).total());
    }
  }

  @Test
  void aChangedFileTheIndexChainReadsIsNamed() throws IOException {
    SteppeConfig.AnalysisChain withStops = new SteppeConfig.AnalysisChain("standard", List.of(
        SteppeConfig.TokenFilter.of("lowercase"), new SteppeConfig.TokenFilter("stop", Map.of("words", "newsroom-stops.txt"))));
    SteppeConfig before = SteppeConfig.builder().analysis(withStops, null).file("newsroom-stops.txt", "the\nof\n").build();
    try (WritableSteppe steppe = Steppe.openWritable(index, before)) {
      steppe.put(ArticleInput.builder("a").body("The steppe of Kazakhstan.").build());
      steppe.commit();
    }
    SteppeConfig after = SteppeConfig.builder().analysis(withStops, null).file("newsroom-stops.txt", "the\nof\nsteppe\n").build();
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> Steppe.open(index, after));
    assertTrue(e.getMessage().contains("newsroom-stops.txt"), e.getMessage());
  }

  @Test
  void aCorpusRunUsesTheConfigurationTheIndexWasOpenedWithAndReenrichesWhenItChanges() throws IOException {
    try (WritableSteppe steppe = SeedIndex.index(index)) {
      assertFalse(hasEntity(steppe, "Constitution of the Republic of Kazakhstan"));
    }
    SteppeConfig more = SteppeConfig.builder().folder(Path.of("index-config"))
        .addEntity(new SteppeConfig.GazetteerEntry("Constitution of the Republic of Kazakhstan", EntityType.MISC, List.of("Constitution"), null))
        .build();
    try (WritableSteppe steppe = Steppe.openWritable(index, more)) {
      IndexSummary s = steppe.indexCorpus(SeedCorpus.DIR, null);
      assertEquals(5, s.updated(), "a changed gazetteer changes every article's fingerprint");
      assertTrue(hasEntity(steppe, "Constitution of the Republic of Kazakhstan"), "the run tagged with the index's own configuration");
      assertEquals(2, steppe.searchArticles(SearchRequest.of("Nazarbaev").withEntities(List.of("Nursultan Nazarbayev"))
          .withSources(List.of("CABAR.asia", "EADaily"))).total(), "the folder's gazetteer is still in force");
    }
  }

  @Test
  void quotesAndTheEntityModelCanBeTurnedOff() throws IOException {
    SteppeConfig off = SteppeConfig.builder().folder(Path.of("index-config")).quotes(false).entityModel(false).build();
    try (WritableSteppe plain = Steppe.openWritable(index.resolve("off"), off);
         WritableSteppe full = SeedIndex.index(index.resolve("on"))) {
      plain.indexCorpus(SeedCorpus.DIR, null);
      assertEquals(0, plain.quoteCount());
      assertTrue(full.quoteCount() > 0);
      long offEntities = plain.searchArticles(SearchRequest.of("")).facets().entity().size();
      long onEntities = full.searchArticles(SearchRequest.of("")).facets().entity().size();
      assertTrue(offEntities < onEntities, "the model finds names the gazetteer and rules do not: " + offEntities + " < " + onEntities);
      assertTrue(hasEntity(plain, "Nursultan Nazarbayev"), "the gazetteer still tags");
    }
  }

  @Test
  void anIndexInMemoryLivesInTheConfiguredDirectory() throws IOException {
    try (ByteBuffersDirectory memory = new ByteBuffersDirectory()) {
      SteppeConfig config = SteppeConfig.builder().directory(memory).ramBufferMb(16).build();
      try (WritableSteppe steppe = Steppe.openWritable(config)) {
        steppe.put(ArticleInput.builder("m1").title("In memory").body("Nursultan Nazarbayev visited Almaty.").build());
        steppe.commit();
        try (Steppe reader = Steppe.open(config)) {
          assertEquals(1, reader.searchArticles(SearchRequest.of("Nazarbaev")).total());
        }
      }
      assertTrue(memory.listAll().length > 0, "the directory stays the caller's, open");
      assertThrows(IllegalArgumentException.class, () -> Steppe.open(index, config), "a folder and a directory: which?");
    }
    assertTrue(Files.isDirectory(index));
  }

  private static boolean hasEntity(SteppeSearch steppe, String name) throws IOException {
    return steppe.searchArticles(SearchRequest.of("")).facets().entity().stream().anyMatch(e -> e.value().equals(name));
  }

  private interface Opener {
    void run() throws IOException;
  }
}
