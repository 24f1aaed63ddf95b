package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;

/** Hard-wrapped text read as paragraphs, decided per document from its lines' shape; offsets still point into the file. */
class ParagraphsTest {
  private static final Path REUTERS = Path.of("../shared/datasets/reuters21578");
  private static final Path POLNEAR_DEV = Path.of("../shared/datasets/polnear/data/dev/text");

  private static Article plain(String text) {
    return ArticleCleaner.load(SeedCorpus.CONFIG).clean(new SourceDocument("t", "t.txt", text, Metadata.NONE), Metadata.NONE);
  }

  private static Article reuters(String file, String newid) {
    Corpus corpus = Corpus.open(REUTERS, SeedCorpus.CONFIG, IngestListener.SILENT);
    return corpus.read(REUTERS.resolve(file)).stream().filter(a -> a.id().equals(newid)).findFirst().orElseThrow();
  }

  private static void mapsBack(Article a) {
    ParagraphChecks.mapsBack(a);
  }

  /** An article whose every non-blank line is kept, without the cleaner. */
  private static Article lines(String text) {
    List<Segment> kept = Line.split(text).stream().filter(l -> !l.isBlank())
        .map(l -> new Segment(l.start(), l.end())).toList();
    return new Article("t", "t.txt", text, kept, Metadata.NONE);
  }

  @Test
  void wireStoryReadsAsParagraphs() {
    Article a = reuters("reut2-009.sgm", "9689");
    String body = a.body();
    assertTrue(body.contains("\n\n\"I would refer you to the Paris agreement which was a recognition the currencies were"
        + " within ranges broadly consistent with economic fundamentals,\" Baker told The Cable News Network in an"
        + " interview.\n\n"), body);
    assertTrue(body.startsWith("BAKER SAYS HE STANDS BY PARIS CURRENCY AGREEMENT\n\nTreasury Secretary James Baker said"
        + " he stood by the Paris agreement"), "the first line, cut short by the dateline, runs on: " + body);
    assertEquals(12, body.split("\n\n").length, "the title and the eleven indented paragraphs, no sign-off");
    mapsBack(a);
  }

  @Test
  void offsetsMapBothWays() {
    Article a = reuters("reut2-009.sgm", "9689");
    Paragraphs p = a.paragraphs();
    String phrase = "recognition the currencies were within ranges broadly\nconsistent";
    String joined = phrase.replace('\n', ' ');
    int at = a.text().indexOf(phrase);
    assertTrue(at > 0, "the file breaks the line there");
    int inBody = p.fromSource(at);
    assertEquals(joined, p.text().substring(inBody, inBody + joined.length()));
    int[] back = p.toSource(inBody, inBody + joined.length());
    assertEquals(phrase, a.text().substring(back[0], back[1]), "a body span maps to the same words in the file");
    assertEquals(-1, p.fromSource(a.text().indexOf("\n    \"We were") + 2), "a paragraph's indentation is not in the body");
  }

  @Test
  void hyphenatedWordsAreJoined() {
    String text = "Title line\n\n"
        + "The company said the new daily would give Montreal its second English-\n"
        + "language paper and that the government would not object to the plan\n"
        + "at all, because the provincial govern-\n"
        + "ment had already approved the sale of the paper to the buyers.\n";
    String body = plain(text).body();
    assertTrue(body.contains("second English-language paper"), body);
    assertTrue(body.contains("the provincial government had already"), "the document spells 'government': " + body);
    mapsBack(plain(text));
  }

  @Test
  void tablesAndIndentedLinesStayLines() {
    String text = "Acme Corp said its first quarter profit rose sharply on higher\n"
        + "sales of its main products in Europe and in the United States,\n"
        + "and it expects the rest of the year to be as good.\n"
        + "    Shr 1.22 dlrs vs 1.05 dlrs\n"
        + "    Net 5.1 mln vs 4.3 mln\n"
        + "    Revs 80.2 mln vs 71.9 mln\n";
    String body = plain(text).body();
    assertTrue(body.startsWith("Acme Corp said its first quarter profit rose sharply on higher sales of its main"
        + " products in Europe and in the United States, and it expects the rest of the year to be as good.\n\n"), body);
    assertTrue(body.endsWith("Shr 1.22 dlrs vs 1.05 dlrs\n\nNet 5.1 mln vs 4.3 mln\n\nRevs 80.2 mln vs 71.9 mln"), body);
  }

  @Test
  void textThatIsNotWrappedKeepsItsLines() {
    String text = "Markets rallied on Monday after the central bank cut its main interest rate by half a point, more than analysts had expected.\n"
        + "Shares in banks led the gains.\n"
        + "Bond yields fell to their lowest level in three years as investors bet on further cuts before the end of the year.\n"
        + "Related coverage\n"
        + "The currency weakened.\n";
    assertEquals(text.strip(), plain(text).body(), "one paragraph per line: nothing joined");
  }

  @Test
  void seedsAreUnchanged() {
    for (Article a : SeedCorpus.articles().values()) {
      Paragraphs p = a.paragraphs();
      for (Segment s : a.kept()) {
        String line = a.text().substring(s.start(), s.end());
        assertTrue(p.text().contains(line), a.id() + ": every seed line stays whole: " + line);
      }
      mapsBack(a);
    }
  }

  @Test
  void polnearParagraphsAreNotJoined() throws Exception {
    Corpus corpus = Corpus.open(POLNEAR_DEV, SeedCorpus.CONFIG, IngestListener.SILENT);
    List<Path> files;
    try (Stream<Path> s = Files.list(POLNEAR_DEV)) {
      files = s.sorted().toList();
    }
    assertEquals(84, files.size());
    for (Path f : files) {
      for (Article a : corpus.read(f)) {
        List<String> paragraphs = List.of(a.body().split("\n+"));
        for (Segment s : a.kept()) {
          String line = a.text().substring(s.start(), s.end());
          if (line.length() >= ParagraphRebuilder.MAX_WIDTH) {
            assertTrue(paragraphs.contains(line), f.getFileName() + ": a paragraph stays a paragraph: " + line);
          }
        }
      }
    }
  }

  @Test
  void hostileShapesAreLinear() {
    StringBuilder wrapped = new StringBuilder();
    for (int i = 0; wrapped.length() < 2_000_000; i++) {
      wrapped.append("line ").append(i).append(" of words that go on and on until the margin of the page brea-\n");
    }
    StringBuilder oneLine = new StringBuilder();
    while (oneLine.length() < 2_000_000) {
      oneLine.append("word \"quoted\" ");
    }
    for (String text : List.of(wrapped.toString(), oneLine.toString(), "\n".repeat(1_000_000), "-\n".repeat(500_000),
        "a\n    b\n".repeat(200_000))) {
      Article a = lines(text);
      Paragraphs p = assertTimeoutPreemptively(Duration.ofSeconds(5), a::paragraphs);
      assertTrue(p.text().length() <= 2 * text.length(), "a separator at most doubles a line break");
    }
    assertTrue(lines(wrapped.toString()).body().startsWith("line 0 of words that go on and on until the margin of the page brea-line 1"),
        "wrapped lines are joined at any length");
  }

  @Test
  void aFormatsOwnParagraphsAreNeverRejoined() {
    Article wire = reuters("reut2-009.sgm", "9689");
    Article laidOut = new Article(wire.id(), wire.file(), wire.text(), wire.kept(), wire.metadata(), true);
    assertTrue(wire.body().split("\n+").length < laidOut.body().split("\n+").length / 2, "read as wrapped when the format says nothing");
    assertEquals(wire.kept().stream().map(k -> wire.text().substring(k.start(), k.end())).toList(),
        List.of(laidOut.body().split("\n+")), "a paragraphed document keeps every line as its own paragraph");
    // A web page's paragraphs: WebPageParagraphsTest in steppe-formats, which reads web pages.
  }
}
