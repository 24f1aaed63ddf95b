package org.steppe.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.RecordingListener;

/** With this module on the classpath, the core's JSON Lines format reads HTML bodies as web pages' text. */
class JsonLinesHtmlTest {
  @TempDir Path corpus;

  @Test
  void anHtmlBodyIsReadAsHtml() throws Exception {
    Path file = corpus.resolve("export.jsonl");
    Files.copy(Path.of("src/core/test/resources/formats/cms-export.jsonl"), file);
    RecordingListener listener = new RecordingListener();
    List<Article> read = Corpus.open(corpus, SeedCorpus.CONFIG, listener).read(file);
    Article markup = read.stream().filter(a -> a.id().equals("cms-104")).findFirst().orElseThrow();
    assertEquals("The museum reopened on Saturday.\n\nEntry is free until May.", markup.body(), "tags, scripts gone; paragraphs kept");
    assertTrue(listener.warned.isEmpty(), "no warning about a missing reader: " + listener.warned);
  }
}
