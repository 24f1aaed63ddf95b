package org.steppe.index;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The regular expression that tells acronyms from the stop words they spell: a stop word written
 * in capitals ("US", "IS", "IT", "WHO") amid lower-case text, or standing alone (a one-word
 * query), is an acronym; among capitals only (a Reuters headline, a shouted line) it is the word.
 * Written before tokenizing as {@value #MARK} plus the word ("_US"), it becomes a term of its own
 * ("_us") that queries keep while they drop the stop word "us".
 *
 * <p>Plain Java regular-expression text, so that Lucene's {@code PatternReplaceCharFilter} and
 * OpenSearch's {@code pattern_replace} character filter (the same Lucene class) apply it alike.
 * "Amid lower-case text" means a lower-case letter within {@value #WINDOW} characters either side
 * on the same line (about four words, which an all-capitals headline's own line never has);
 * "alone" means no letter at all that near. A word glued to others ({@code AT&T}, {@code US-led},
 * {@code IT/telecom}) is left as it is, since its parts are read the same in a query and a text.
 */
public final class AcronymPattern {
  /** Written before a marked acronym; the standard tokenizer keeps it as part of the word. */
  public static final String MARK = "_";
  /** The replacement of every match: the mark, then the word as written. */
  public static final String REPLACEMENT = MARK + "$0";
  /** How many characters either side decide whether capitals are an acronym or shouting. */
  static final int WINDOW = 30;

  private AcronymPattern() {}

  /**
   * The pattern for these stop words (matched in capitals); words with characters other than
   * letters ("don't") and single letters ("a", "i") are never acronyms.
   */
  public static Pattern of(Collection<String> stopWords) {
    TreeSet<String> words = words(stopWords);
    if (words.isEmpty()) {
      return Pattern.compile("(?!)"); // matches nothing
    }
    String glue = "\\p{L}\\p{N}_&@'’/\\-";
    String line = "[^\\n]{0," + WINDOW + "}";
    StringBuilder firsts = new StringBuilder();
    words.forEach(w -> firsts.append(firsts.indexOf(w.substring(0, 1)) < 0 ? w.substring(0, 1) : ""));
    return Pattern.compile(
        "(?=[" + firsts + "])" // a quick test that fails at most characters,
        + "(?<![" + glue + ".])" // nothing glued before,
        + "(?=" + trie(words, 0) + "(?=['’]s(?![\\p{L}\\p{N}])|[.'’/\\-]?(?![" + glue + "])))" // a stop word in capitals
        // with nothing glued after it but a possessive or a full stop,
        + "(?:(?<=\\p{Ll}" + line + ")" // lower case before it,
        + "|(?=\\p{Lu}++" + line + "\\p{Ll})" // or after it,
        + "|(?<!\\p{L}" + line + ")(?=\\p{Lu}++(?!" + line + "\\p{L})))" // or no word near at all:
        + "\\p{Lu}++"); // the word
  }

  /** The stop words the pattern looks for, in capitals: every match starts with one of them. */
  static TreeSet<String> words(Collection<String> stopWords) {
    TreeSet<String> words = new TreeSet<>();
    for (String w : stopWords) {
      String upper = w.strip().toUpperCase(Locale.ROOT);
      if (upper.length() >= 2 && upper.chars().allMatch(Character::isLetter)) {
        words.add(upper);
      }
    }
    return words;
  }

  /** The sorted words as one alternation sharing prefixes ("A(?:M|N(?:D|Y)?|RE)"), so a match is tried letter by letter. */
  private static String trie(TreeSet<String> words, int depth) {
    StringBuilder out = new StringBuilder("(?:");
    boolean endsHere = false;
    boolean first = true;
    String rest = null;
    for (String w : words) {
      if (w.length() == depth) {
        endsHere = true;
        continue;
      }
      char c = w.charAt(depth);
      if (rest != null && rest.charAt(depth) == c) {
        continue;
      }
      rest = w;
      TreeSet<String> branch = new TreeSet<>();
      for (String v : words.tailSet(w)) {
        if (v.length() > depth && v.charAt(depth) == c) {
          branch.add(v);
        } else if (v.length() > depth && v.charAt(depth) > c) {
          break;
        }
      }
      out.append(first ? "" : "|").append(c);
      first = false;
      if (!(branch.size() == 1 && branch.first().length() == depth + 1)) {
        out.append(trie(branch, depth + 1));
      }
    }
    out.append(')');
    return endsHere ? out.append('?').toString() : out.toString();
  }
}
