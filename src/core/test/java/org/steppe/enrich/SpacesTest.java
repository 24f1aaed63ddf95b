package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Spaces} does what the regular expressions it replaced did, on every kind of white space. */
class SpacesTest {
  @Test
  void collapsesAsTheRegularExpressionsDid() {
    String alphabet = "ab \t\n\u000B\f\r\u00A0\u2009.";
    Random random = new Random(16);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertEquals(s.replaceAll("\\s+", " "), Spaces.collapse(s), s);
      assertEquals(s.replaceAll("[\\s\u00A0]+", " "), Spaces.collapseWithNoBreak(s), s);
    }
  }

  @Test
  void singleSpacedTextIsReturnedAsItIs() {
    String s = "Nursultan Nazarbayev said";
    assertSame(s, Spaces.collapse(s));
    assertEquals("Ted Cruz", Spaces.collapseWithNoBreak("Ted\u00A0 Cruz"));
    assertEquals("Ted\u00A0Cruz", Spaces.collapse("Ted\u00A0Cruz"));
  }
}
