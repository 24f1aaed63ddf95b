package org.steppe.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.steppe.enrich.Token;

class NerTokenizerTest {

  private static List<List<String>> words(String text) {
    List<List<Token>> sentences = NerTokenizer.sentences(text);
    for (List<Token> s : sentences) {
      for (Token t : s) {
        assertEquals(t.text(), text.substring(t.start(), t.end()), "offsets index the original text");
      }
    }
    return sentences.stream().map(s -> s.stream().map(Token::text).toList()).toList();
  }

  @Test
  void splitsPunctuationQuotesAndPossessivesAsCoNllDoes() {
    assertEquals(List.of(List.of("\u201C", "Indeed", ",", "Russia", "\u2019s", "U.S.", "envoy", "Mr.", "Smith",
        "did", "n't", "sign", "the", "Good-Neighborliness", "treaty", "(", "1,500.5", "pages", ")", ".", "\u201D")),
        words("\u201CIndeed, Russia\u2019s U.S. envoy Mr. Smith didn't sign the Good-Neighborliness treaty (1,500.5 pages).\u201D"));
  }

  @Test
  void endsSentencesAtLineBreaksAndAtFullStopsBeforeCapitals() {
    assertEquals(List.of(
        List.of("Talks", "ended", "."),
        List.of("Mr.", "Putin", "left", "at", "5", "p.m.", "on", "Monday", "."),
        List.of("A", "Headline", "Without", "Stop"),
        List.of("Next", "paragraph", "...", "and", "more", "!")),
        words("Talks ended. Mr. Putin left at 5 p.m. on Monday.\nA Headline Without Stop\n\nNext paragraph... and more!"));
  }

  @Test
  void givesTheModelTheAsciiQuotesOfItsTrainingData() {
    assertEquals("\"", NerTokenizer.modelForm("\u201C"));
    assertEquals("'s", NerTokenizer.modelForm("\u2019s"));
    assertEquals("O'Brien", NerTokenizer.modelForm("O\u2019Brien"));
    assertEquals("Almaty", NerTokenizer.modelForm("Almaty"));
  }

  @Test
  void noSentenceIsLongerThanTheBoundWhateverTheText() {
    // Words without a full stop, one chunk of 3,000 brackets, and one of 6,000 tokens that ends a sentence.
    String noStops = "word ".repeat(1000) + "(".repeat(3000) + " end " + ".)".repeat(3000) + " Next";
    List<List<Token>> sentences = NerTokenizer.sentences(noStops);
    assertEquals(1000 + 3000 + 1 + 6000 + 1, sentences.stream().mapToInt(List::size).sum(), "every token kept, in order");
    for (List<Token> s : sentences) {
      assertTrue(s.size() <= NerTokenizer.MAX_SENTENCE_TOKENS, s.size() + " tokens");
    }
    assertEquals("Next", sentences.get(sentences.size() - 1).get(sentences.get(sentences.size() - 1).size() - 1).text());
  }
}
