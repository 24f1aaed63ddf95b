package org.steppe.enrich.ner;

/**
 * 64-bit hashes of words and features, computed from a word's characters without building
 * strings, so the tagger allocates nothing per token.
 */
final class FeatureHashes {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private FeatureHashes() {}

  /** Murmur3's 64-bit finaliser: every input bit moves every output bit. */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** The hash of {@code word} as written. */
  static long exact(String word) {
    long h = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * FNV_PRIME;
    }
    return mix(h);
  }

  /** The hash of {@code word} in lower case (char by char, as {@link Character#toLowerCase(char)}). */
  static long lower(String word) {
    long h = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ Character.toLowerCase(word.charAt(i))) * FNV_PRIME;
    }
    return mix(h);
  }

  /** The hash of the first {@code n} characters of {@code word} in lower case, as a prefix of that length. */
  static long prefix(String word, int n) {
    long h = FNV_OFFSET + n;
    for (int i = 0; i < n; i++) {
      h = (h ^ Character.toLowerCase(word.charAt(i))) * FNV_PRIME;
    }
    return mix(h);
  }

  /** The hash of the last {@code n} characters of {@code word} in lower case, as a suffix of that length. */
  static long suffix(String word, int n) {
    long h = FNV_OFFSET - n;
    for (int i = word.length() - n; i < word.length(); i++) {
      h = (h ^ Character.toLowerCase(word.charAt(i))) * FNV_PRIME;
    }
    return mix(h);
  }

  /**
   * The hash of a word's shape: upper case, lower case and digits folded to X, x and d, other
   * characters kept; with {@code collapse}, runs of one class count once ("Xx" for "Nazarbayev").
   */
  static long shape(String word, boolean collapse) {
    long h = FNV_OFFSET ^ (collapse ? 1 : 2);
    char last = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
          : Character.isLetter(c) ? 'x' : c;
      if (!collapse || s != last) {
        h = (h ^ s) * FNV_PRIME;
      }
      last = s;
    }
    return mix(h);
  }

  /** A value made of two values, order mattering. */
  static long pair(long a, long b) {
    return mix(a * GOLDEN + b);
  }

  /** The bucket of feature template {@code template} with value {@code value}, in a table of {@code 2^bits} rows. */
  static int bucket(int template, long value, int bits) {
    return (int) (mix(value + (template + 1) * GOLDEN) >>> (64 - bits));
  }

  /** The hash of {@code word} with its first character as written and the rest in lower case ("NATO" as "Nato"). */
  static long titleCase(String word) {
    long h = (FNV_OFFSET ^ word.charAt(0)) * FNV_PRIME;
    for (int i = 1; i < word.length(); i++) {
      h = (h ^ Character.toLowerCase(word.charAt(i))) * FNV_PRIME;
    }
    return mix(h);
  }
}
