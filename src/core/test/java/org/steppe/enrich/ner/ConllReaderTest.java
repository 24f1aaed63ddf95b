package org.steppe.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllReaderTest {

  private static List<ConllSentence> read(String text) throws IOException {
    return ConllReader.read(new BufferedReader(new StringReader(text)), "test.conll");
  }

  @Test
  void readsIob1NamesWithTypesAndDocumentBoundaries() throws IOException {
    List<ConllSentence> sentences = read("""
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O
        . . O O

        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER

        -DOCSTART- -X- O O

        BRUSSELS NNP I-NP I-LOC
        """);
    assertEquals(3, sentences.size());
    assertArrayEquals(new String[] {"EU", "rejects", "German", "call", "."}, sentences.get(0).tokens());
    assertArrayEquals(new NameSpan[] {new NameSpan(0, 1, "organization"), new NameSpan(2, 3, "misc")}, sentences.get(0).names());
    assertArrayEquals(new NameSpan[] {new NameSpan(0, 2, "person")}, sentences.get(1).names());
    assertArrayEquals(new NameSpan[] {new NameSpan(0, 1, "place")}, sentences.get(2).names());
    assertTrue(sentences.get(0).documentStart());
    assertFalse(sentences.get(1).documentStart());
    assertTrue(sentences.get(2).documentStart());
  }

  @Test
  void aBTagSplitsTwoAdjacentNamesOfOneTypeInIob1AndStartsOneInIob2() throws IOException {
    ConllSentence iob1 = read("Germany I-LOC\nFrance B-LOC\nItaly I-LOC\nand O\nSpain I-LOC\n").get(0);
    assertArrayEquals(new NameSpan[] {new NameSpan(0, 1, "place"), new NameSpan(1, 3, "place"), new NameSpan(4, 5, "place")}, iob1.names());
    ConllSentence iob2 = read("New B-LOC\nYork I-LOC\nTimes B-ORG\n").get(0);
    assertArrayEquals(new NameSpan[] {new NameSpan(0, 2, "place"), new NameSpan(2, 3, "organization")}, iob2.names());
    // An I- tag after a name of another type starts a new name.
    ConllSentence mixed = read("UEFA I-ORG\nCup I-MISC\n").get(0);
    assertArrayEquals(new NameSpan[] {new NameSpan(0, 1, "organization"), new NameSpan(1, 2, "misc")}, mixed.names());
  }

  @Test
  void reportsTheFileAndLineOfABadTag() {
    ConllFormatException e = assertThrows(ConllFormatException.class, () -> read("A O\n\nB X-PER\n"));
    assertTrue(e.getMessage().startsWith("test.conll:3:"), e.getMessage());
    e = assertThrows(ConllFormatException.class, () -> read("A O\nB I-FOO\n"));
    assertTrue(e.getMessage().startsWith("test.conll:2:") && e.getMessage().contains("FOO"), e.getMessage());
  }
}
