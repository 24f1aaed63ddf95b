package org.steppe.enrich.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stretches between quotation marks, as wire copy and newspapers write them (lines already rejoined). */
class QuoteScannerTest {
  private final QuoteScanner scanner = new QuoteScanner();

  private List<String> quoted(String text) {
    return scanner.scan(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void interruptedQuoteIsTwoStretchesWithoutTheTag() {
    String text = "\"We were quite satisfied with the agreement,\" he said. \"But even so, the dollar fell.\"";
    assertEquals(List.of("We were quite satisfied with the agreement,", "But even so, the dollar fell."), quoted(text));
  }

  @Test
  void closingMarkTypedAfterASpaceStillCloses() {
    // Reuters 18604: the writer's words after it are not quoted.
    String text = "\"Our main difficulty will be to persuade the U.S. to agree to quota re-introduction, \" he said.\n\n"
        + "The meeting ends on Friday.";
    assertEquals(List.of("Our main difficulty will be to persuade the U.S. to agree to quota re-introduction,"), quoted(text));
  }

  @Test
  void doubleMarkUsedAsApostropheIsNoQuote() {
    // Reuters 17201 and 17199 type the apostrophe as a double mark.
    String text = "A vote is expected to come during Nakasone\"s visit, and <Qatar National Bank SAQ>\"s manager said "
        + "\"the economy is not improving as we hoped.\"";
    assertEquals(List.of("the economy is not improving as we hoped."), quoted(text));
  }

  @Test
  void backtickConventionOfOldWireCopy() {
    String text = "The minister said ``we will not devalue the currency this year,'' and left.";
    assertEquals(List.of("we will not devalue the currency this year,"), quoted(text));
  }

  @Test
  void quoteOpenAtAParagraphsEndGoesOnWhenTheNextReopens() {
    String text = "\"We will bear for long years to come the weight of the choices made,\n\n"
        + "\"It is the cost of this choice that our industries still bear,\" Balladur added.";
    List<QuoteSpan> spans = scanner.scan(text);
    assertEquals(1, spans.size());
    assertEquals(2, spans.get(0).paragraphs());
    assertTrue(spans.get(0).closed());
  }

  @Test
  void unclosedQuoteDoesNotSwallowALaterQuote() {
    // Reuters 4969: the writer forgot the closing mark; the next quotation is not inside the first.
    String text = "\"I don't see any reason to change full year earnings estimates, said Frederick Meinke. "
        + "\"The confrontation could end in a replay,\" he said.";
    List<String> q = quoted(text);
    assertEquals("The confrontation could end in a replay,", q.get(q.size() - 1));
    assertFalse(q.get(0).contains("confrontation"), q.toString());
  }

  @Test
  void openingMarkGluedToTheSentenceBeforeStillOpens() {
    // Reuters 6472: "… in the countryside."There is no way …," he added.
    String text = "He said the land would not be enough in the countryside.\"There is no way this country can provide "
        + "employment growth in farming,\" he added.";
    assertEquals(List.of("There is no way this country can provide employment growth in farming,"), quoted(text));
  }

  @Test
  void unbalancedAndHostileMarksStayLinear() {
    for (String unit : List.of("\"", "``", "''", "\" ", " \" ", "a\"s ", "\u201C\u201D\"'`")) {
      String text = unit.repeat(2_000_000 / unit.length());
      List<QuoteSpan> spans = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scanner.scan(text), unit);
      for (QuoteSpan s : spans) {
        assertTrue(0 <= s.open() && s.open() <= s.start() && s.start() <= s.end() && s.end() <= text.length());
      }
    }
  }
}
