package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;

/** Reuters-21578: one SGML file holds many stories. */
class ReutersSgmlFormatTest {
  private static final Path REUTERS = Path.of("../shared/datasets/reuters21578");

  @Test
  void oneFileYieldsEveryStoryWithTitlesAndDates() throws Exception {
    Path file = REUTERS.resolve("reut2-000.sgm");
    Corpus corpus = Corpus.open(REUTERS, SeedCorpus.CONFIG, IngestListener.SILENT);
    List<Article> stories = corpus.read(file);

    long tags = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).lines()
        .filter(l -> l.startsWith("<REUTERS ")).count();
    assertEquals(1000, tags, "the data set's verified count for this file");
    assertEquals(tags, stories.size(), "every <REUTERS> story becomes an article");

    Article first = stories.get(0);
    assertEquals("1", first.id(), "the NEWID is the id");
    assertEquals("BAHIA COCOA REVIEW", first.metadata().title());
    assertEquals(LocalDate.of(1987, 2, 26), first.metadata().date());
    assertEquals("Reuters", first.metadata().source());
    assertTrue(first.body().startsWith("BAHIA COCOA REVIEW"));
    assertTrue(first.body().contains("Showers continued throughout the week"));
    assertFalse(first.body().contains("&#3;"), "SGML entities are decoded");
    assertFalse(first.body().strip().endsWith("Reuter"), "the sign-off is boilerplate");
    assertTrue(stories.stream().filter(a -> a.metadata().title() != null).count() >= 985);
    assertTrue(stories.stream().allMatch(a -> a.metadata().date() != null), "every story is dated");
  }

  @Test
  void theWireSignOffIsNoPartOfAnyStory() throws Exception {
    Corpus corpus = Corpus.open(REUTERS, SeedCorpus.CONFIG, IngestListener.SILENT);
    List<Article> stories = corpus.read(REUTERS.resolve("reut2-004.sgm"));
    Pattern signOff = Pattern.compile("(?i)reuters?(\\.\\.\\.)?(\\^M)?");
    List<String> left = stories.stream().map(Article::body)
        .filter(b -> signOff.matcher(b.substring(b.lastIndexOf('\n') + 1).strip()).matches()).toList();
    assertEquals(List.of(), left, "every variant of the sign-off is gone");
    for (String variant : List.of("Reuter", "REUTER", "reuter", "REUTER...", "REUTER^M", "Reuter...^M")) {
      assertEquals("The company said it will pay.", ReutersSgmlFormat.withoutWireFurniture("The company said it will pay.\n " + variant + "\n"));
    }
    assertEquals("Rainfall was nil. Total 55.8 (33.7).",
        ReutersSgmlFormat.withoutWireFurniture("Rainfall was nil. Total 55.8 (33.7).        REUTER11:43/VB"));
    assertEquals("The bank sold the unit, a spokesman told\nReuters.",
        ReutersSgmlFormat.withoutWireFurniture("The bank sold the unit, a spokesman told\nReuters."), "the news agency named in a sentence stays");
    assertEquals("First take of the story.", ReutersSgmlFormat.withoutWireFurniture("First take of the story.\n MORE"));
    assertEquals("Period ended January 31.", ReutersSgmlFormat.withoutWireFurniture("Period ended January 31.\nREUTER\n Reuter"),
        "two stories glued together end with two sign-offs");
    assertEquals("Branches were closed.", ReutersSgmlFormat.withoutWireFurniture("Branches were closed.\n REUTER E"));
  }

  @Test
  void latin1FileIsReadWithAWarning() {
    StringBuilder warnings = new StringBuilder();
    IngestListener listener = new IngestListener() {
      @Override
      public void skipped(String file, String reason) {}

      @Override
      public void warning(String file, String message) {
        warnings.append(file).append(": ").append(message);
      }
    };
    Corpus corpus = Corpus.open(REUTERS, SeedCorpus.CONFIG, listener);
    List<Article> stories = corpus.read(REUTERS.resolve("reut2-017.sgm"));
    assertTrue(stories.size() > 900);
    assertTrue(warnings.toString().contains("reut2-017.sgm"), warnings.toString());
  }

  @Test
  void unclosedTagsAndImpossibleEntitiesAreReadInOnePass() {
    // 380 KB of tags that never close inside one story: a pattern per tag rescanned to the end from
    // each of them (51 s); the reader now moves forward only.
    StringBuilder sgm = new StringBuilder("<REUTERS NEWID=\"5\"><DATE>26-FEB-1987</DATE><TEXT><TITLE>Cocoa &#99999999; &#55296; &#128512; review</TITLE>");
    while (sgm.length() < 380 * 1024) {
      sgm.append("<BODY>x <DATELINE>y <REUTERS <TITLE> <TEXT <<");
    }
    sgm.append("</REUTERS>\n<REUTERS NEWID=\"6\"><TEXT><TITLE>Never closed");
    List<SourceDocument> stories = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> new ReutersSgmlFormat().parse("reut2-900.sgm", sgm.toString()));
    assertEquals(1, stories.size(), "the unclosed last story is not read");
    assertEquals("5", stories.get(0).id());
    assertEquals("Cocoa   \ud83d\ude00 review", stories.get(0).known().title(), "numbers that are no character are dropped");
    assertEquals(LocalDate.of(1987, 2, 26), stories.get(0).known().date());
    assertTrue(stories.get(0).text().contains("x <DATELINE>y"), "an unclosed BODY runs to the story's end");
  }
}
