package org.steppe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Articles crowded with near spellings of twelve words, in their titles, bodies and quotes (source
 * Reuters, by a manifest): twelve fuzzy terms over them expand past Lucene's clause limit, as they
 * do over a real archive such as Reuters-21578.
 */
public final class CrowdedCorpus {
  /** The words; {@link #fuzzyQuery()} asks for all of them, fuzzily. */
  public static final List<String> WORDS = List.of("treaty", "economic", "sovereignty", "president", "parliament",
      "minister", "alliance", "pipeline", "customs", "currency", "election", "ministry");
  /** Articles, each with its own spelling of every word: enough that each fuzzy term reaches its 50 expansions per field. */
  private static final int SPELLINGS = 60;

  private CrowdedCorpus() {}

  /** {@code treaty~2 economic~2 …}: twelve fuzzy terms. */
  public static String fuzzyQuery() {
    return String.join(" ", WORDS.stream().map(w -> w + "~2").toList());
  }

  /** The articles and their {@code manifest.jsonl}, by path relative to the corpus root. */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    StringBuilder manifest = new StringBuilder();
    for (int j = 0; j < SPELLINGS; j++) {
      List<String> words = new ArrayList<>();
      for (String w : WORDS) {
        words.add(spelling(w, j));
      }
      String name = String.format("crowded/c%02d.txt", j);
      String phrase = String.join(" ", words);
      files.put(name, "Notes on " + phrase + "\n\nThe report listed " + phrase + ". \u201CWe discussed " + phrase
          + ",\u201D said Nursultan Nazarbayev.\n");
      manifest.append("{\"file\": \"").append(name).append("\", \"source\": \"Reuters\", \"date\": \"1987-03-")
          .append(String.format("%02d", 1 + j % 28)).append("\"}\n");
    }
    files.put("manifest.jsonl", manifest.toString());
    return files;
  }

  /** Spelling number {@code j} of {@code word}: one letter changed, a different change each time. */
  private static String spelling(String word, int j) {
    int at = 1 + j % (word.length() - 1);
    char c = (char) ('a' + (word.charAt(at) - 'a' + 1 + j / (word.length() - 1)) % 26);
    return word.substring(0, at) + c + word.substring(at + 1);
  }
}
