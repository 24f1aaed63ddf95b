package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks on an article's paragraphs that the tests of every format share (published in the core's test jar). */
public final class ParagraphChecks {
  private ParagraphChecks() {}

  /** Every body character but the separators (spaces, line breaks) is the file's character at its mapped offset. */
  public static void mapsBack(Article a) {
    Paragraphs p = a.paragraphs();
    String body = p.text();
    for (int i = 0; i < body.length(); i++) {
      if (!Character.isWhitespace(body.charAt(i))) {
        assertEquals(body.charAt(i), a.text().charAt(p.toSource(i)), a.id() + " body offset " + i);
        assertEquals(i, p.fromSource(p.toSource(i)), a.id() + " round trip at " + i);
      }
    }
  }
}
