package org.steppe.index;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Near-duplicate quotes, cheaply: a quote's words normalised (case, accents, quotation marks,
 * punctuation and ellipses gone), their two-word shingles, and MinHash band keys over them. Two
 * quotes sharing a band key are candidates; {@link #sameQuote} decides. Stateless.
 *
 * <p>With {@value #BANDS} bands of {@value #ROWS} rows, quotes whose shingle sets overlap by half
 * (Jaccard 0.5) share a band nine times in ten; quotes with little in common rarely do.
 */
public final class QuoteShingles {
  /** Bands of the MinHash signature, each one index term. */
  static final int BANDS = 10;
  /** Hash functions per band. */
  static final int ROWS = 2;
  /** Shared shingles over the smaller quote's shingles from which two quotes are one. */
  static final double CONTAINMENT = 0.85;
  /**
   * Shingles the shorter quote needs at all: a word or two ("absolutely", "very charming") is said
   * again and again on different days, so it proves nothing.
   */
  static final int MIN_SHINGLES = 3;
  /** Shingles a quote needs before words alone (no speaker) can make it a duplicate. */
  static final int MIN_SHINGLES_WITHOUT_SPEAKER = 6;

  private QuoteShingles() {}

  /** The quote's words, normalised: lower case, no accents, letters and digits only. */
  public static List<String> words(String text) {
    if (ascii(text)) {
      return asciiWords(text);
    }
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

  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@link #words} of ASCII text without regular expressions or normalisation (which change
   * nothing there): runs of letters and digits, lower case, apostrophes dropped inside them.
   */
  private static List<String> asciiWords(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        w.append((char) (c + ('a' - 'A')));
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        w.append(c);
      } else if (c != '\'') {
        if (!w.isEmpty()) {
          out.add(w.toString());
          w.setLength(0);
        }
      }
    }
    if (!w.isEmpty()) {
      out.add(w.toString());
    }
    return out;
  }

  /** Two-word shingles (the single word of a one-word quote). */
  public static Set<String> shingles(String text) {
    List<String> words = words(text);
    Set<String> out = new LinkedHashSet<>();
    if (words.size() == 1) {
      out.add(words.get(0));
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      out.add(words.get(i) + " " + words.get(i + 1));
    }
    return out;
  }

  /**
   * The MinHash band keys of a quote ({@code "3:9f2c…"}); none for a quote too short to be
   * anyone's duplicate, so the countless "absolutely"s never meet at search time.
   */
  public static List<String> bandKeys(String text) {
    Set<String> shingles = shingles(text);
    if (shingles.size() < MIN_SHINGLES) {
      return List.of();
    }
    long[] min = new long[BANDS * ROWS];
    java.util.Arrays.fill(min, Long.MAX_VALUE);
    for (String s : shingles) {
      long base = hash(s);
      for (int i = 0; i < min.length; i++) {
        long h = mix(base + 0x9E3779B97F4A7C15L * (i + 1));
        if (Long.compareUnsigned(h, min[i]) < 0) {
          min[i] = h;
        }
      }
    }
    List<String> keys = new ArrayList<>(BANDS);
    for (int b = 0; b < BANDS; b++) {
      long band = b;
      for (int r = 0; r < ROWS; r++) {
        band = mix(band * 31 + min[b * ROWS + r]);
      }
      keys.add(b + ":" + Long.toHexString(band));
    }
    return keys;
  }

  /**
   * Whether two quotes are one quotation reported twice: most of the shorter one's shingles are
   * in the other (a dropped clause or an ellipsis keeps it one quote), said by the same speaker,
   * and at least four words long; when either speaker is unknown the words alone decide, and only
   * for quotes of seven words or more.
   */
  public static boolean sameQuote(String textA, String speakerA, String textB, String speakerB) {
    if (speakerA != null && speakerB != null && !speakerA.equals(speakerB)) {
      return false;
    }
    Set<String> a = shingles(textA);
    Set<String> b = shingles(textB);
    int smaller = Math.min(a.size(), b.size());
    if (smaller < MIN_SHINGLES || (speakerA == null || speakerB == null) && smaller < MIN_SHINGLES_WITHOUT_SPEAKER) {
      return false;
    }
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    long shared = small.stream().filter(large::contains).count();
    return shared >= CONTAINMENT * smaller;
  }

  private static long hash(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /** SplitMix64's finaliser: spreads the bits of a 64-bit value. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
