package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/** JSON Lines exports: one article per line; a bad line is skipped by file and line, the rest kept. */
class JsonLinesFormatTest {
  @TempDir Path corpus;
  private final RecordingListener listener = new RecordingListener();

  @Test
  void eachGoodLineIsAnArticleAndEachBadLineIsNamed() throws IOException {
    Files.createDirectories(corpus.resolve("cms"));
    Path file = corpus.resolve("cms/export.jsonl");
    Files.copy(Path.of("src/core/test/resources/formats/cms-export.jsonl"), file);
    List<Article> read = Corpus.open(corpus, SeedCorpus.CONFIG, listener).read(file);
    Map<String, Article> byId = read.stream().collect(Collectors.toMap(Article::id, Function.identity()));
    assertEquals(List.of("cms-101", "cms-104", "105"), read.stream().map(Article::id).toList());

    Article bridge = byId.get("cms-101");
    assertEquals("Bridge over the Irtysh reopens", bridge.metadata().title());
    assertEquals("Semey Today", bridge.metadata().source());
    assertEquals(LocalDate.of(2021, 6, 4), bridge.metadata().date());
    assertEquals("Aliya Nurova", bridge.metadata().author());
    assertEquals("https://semey.example/bridge", bridge.metadata().url());
    assertEquals("cms/export.jsonl", bridge.file());
    assertTrue(bridge.body().contains("repairs.\n\n\"Traffic will flow"), bridge.body());

    // The core parses no HTML: with no reader on the classpath (steppe-formats has one), the body is kept as written.
    assertTrue(byId.get("cms-104").body().startsWith("<p>The museum reopened on <b>Saturday</b>.</p>"), byId.get("cms-104").body());
    assertTrue(listener.warned.get("cms/export.jsonl").contains("1 body is HTML") && listener.warned.get("cms/export.jsonl").contains("steppe-formats"),
        listener.warned.toString());
    assertEquals(LocalDate.of(2021, 6, 5), byId.get("cms-104").metadata().date(), "a date-time counts for its day");
    assertNull(byId.get("105").metadata().date());

    Map<String, String> skipped = listener.skipped;
    assertTrue(skipped.get("cms/export.jsonl:2").contains("not a JSON object"), skipped.toString());
    assertTrue(skipped.get("cms/export.jsonl:3").contains("\"body\""), skipped.toString());
    assertTrue(skipped.get("cms/export.jsonl:4").contains("\"id\""), skipped.toString());
    assertTrue(skipped.get("cms/export.jsonl:5").contains("yesterday"), skipped.toString());
    assertTrue(skipped.get("cms/export.jsonl:6").contains("not a JSON object"), skipped.toString());
    assertEquals(5, skipped.size(), "the blank line is no problem: " + skipped);
  }

  @Test
  void theCorpusManifestIsNotAnArticleFile() throws IOException {
    Files.writeString(corpus.resolve("manifest.jsonl"), "{\"file\": \"a.jsonl\", \"source\": \"Stated Source\"}\n");
    Files.writeString(corpus.resolve("a.jsonl"), "{\"id\": \"a-1\", \"title\": \"T\", \"body\": \"An article body long enough to keep.\"}\n");
    Corpus c = Corpus.open(corpus, SeedCorpus.CONFIG, listener);
    assertEquals(List.of(corpus.resolve("a.jsonl")), c.files());
    assertEquals("T", c.read(corpus.resolve("a.jsonl")).get(0).metadata().title());
  }
}
