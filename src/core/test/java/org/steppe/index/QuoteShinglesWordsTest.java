package org.steppe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quote words of ASCII text, read without regular expressions, are those the regular expressions read. */
class QuoteShinglesWordsTest {
  @Test
  void asciiWordsAreTheRegularExpressionsWords() {
    String alphabet = "aZq09 '\".,-_\t\n/\u007F\u0001";
    Random random = new Random(16);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(16); k > 0; k--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertEquals(reference(s), QuoteShingles.words(s), s);
    }
    for (String s : List.of("We don't 'know' yet, said O'Neil.", "It's 100% -- the U.S. and IBM's plan", "Café “au lait”, naïve")) {
      assertEquals(reference(s), QuoteShingles.words(s), s);
    }
  }

  /** What {@link QuoteShingles#words} did for every text before the ASCII path. */
  private static List<String> reference(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT).replace("\u2019", "'").replace("'", "");
    List<String> out = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
