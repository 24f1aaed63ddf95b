package org.steppe.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NerEvaluationTest {

  @Test
  void countsOnlyExactSpanAndTypeMatchesAsConllevalDoes() {
    NerEvaluation eval = new NerEvaluation();
    // Gold: person 0-2, place 3-4, organization 5-6. Predicted: the person exactly, the place with a
    // wrong type, the organization one token too long, and an extra misc.
    eval.add(8,
        new NameSpan[] {new NameSpan(0, 2, "person"), new NameSpan(3, 4, "place"), new NameSpan(5, 6, "organization")},
        new NameSpan[] {new NameSpan(0, 2, "person"), new NameSpan(3, 4, "organization"), new NameSpan(5, 7, "organization"),
            new NameSpan(7, 8, "misc")});
    // Second sentence: one place found, one missed.
    eval.add(4, new NameSpan[] {new NameSpan(0, 1, "place"), new NameSpan(2, 3, "place")}, new NameSpan[] {new NameSpan(0, 1, "place")});

    NerEvaluation.Counts all = eval.overall();
    assertEquals(5, all.gold());
    assertEquals(5, all.predicted());
    assertEquals(2, all.correct());
    assertEquals(40.0, all.precision(), 1e-9);
    assertEquals(40.0, all.recall(), 1e-9);
    assertEquals(40.0, all.f1(), 1e-9);

    assertEquals(100.0, eval.type("person").f1(), 1e-9);
    assertEquals(100.0, eval.type("place").precision(), 1e-9);
    assertEquals(100.0 / 3, eval.type("place").recall(), 1e-9);
    assertEquals(50.0, eval.type("place").f1(), 1e-9);
    assertEquals(0.0, eval.type("organization").f1(), 1e-9);
    assertEquals(0.0, eval.type("misc").precision(), 1e-9);
  }

  @Test
  void aPredictedNameMatchesAtMostOneGoldName() {
    NerEvaluation eval = new NerEvaluation();
    eval.add(2, new NameSpan[] {new NameSpan(0, 1, "person")}, new NameSpan[] {new NameSpan(0, 1, "person"), new NameSpan(0, 1, "person")});
    assertEquals(1, eval.overall().correct());
    assertEquals(50.0, eval.overall().precision(), 1e-9);
  }

  @Test
  void theReportEndsWithTheF1LineInPercent() {
    NerEvaluation eval = new NerEvaluation();
    eval.add(3, new NameSpan[] {new NameSpan(0, 1, "person"), new NameSpan(1, 2, "place")},
        new NameSpan[] {new NameSpan(0, 1, "person"), new NameSpan(2, 3, "place")});
    String[] lines = eval.report().split("\n");
    assertEquals("F1 50.00", lines[lines.length - 1]);
  }
}
