package org.steppe.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.steppe.index.Fields;

/**
 * Finds the repeats among one page of article hits: stories with the same title (ignoring case and
 * punctuation) whose texts share at least {@value #SAME_TEXT} of their three-word shingles. Only
 * stories that share a title with another on the page are compared, so a page without repeated
 * titles costs one pass over ten titles.
 */
final class Repeats {
  /** Share of shingles two texts must have in common (Jaccard) to be the same story. */
  static final double SAME_TEXT = 0.8;

  private Repeats() {}

  /**
   * For each story that repeats an earlier (better-ranked) one on the page, the index of that
   * earlier story; stories that repeat nothing are absent.
   */
  static Map<Integer, Integer> of(Document[] docs) {
    Map<String, List<Integer>> byTitle = new LinkedHashMap<>();
    for (int i = 0; i < docs.length; i++) {
      String title = docs[i].get(Fields.TITLE);
      String key = title == null ? "" : title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
      if (!key.isEmpty()) {
        byTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, Integer> repeatOf = new HashMap<>();
    Map<Integer, Set<String>> shingles = new HashMap<>();
    for (List<Integer> same : byTitle.values()) {
      List<Integer> leaders = new ArrayList<>();
      for (int i : same) {
        Integer leader = null;
        for (int l : leaders) {
          if (jaccard(shingles.computeIfAbsent(l, k -> shingles(docs[k])), shingles.computeIfAbsent(i, k -> shingles(docs[k])))
              >= SAME_TEXT) {
            leader = l;
            break;
          }
        }
        if (leader == null) {
          leaders.add(i);
        } else {
          repeatOf.put(i, leader);
        }
      }
    }
    return repeatOf;
  }

  private static Set<String> shingles(Document d) {
    String body = d.get(Fields.BODY);
    String[] words = (body == null ? "" : body).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 < words.length; i++) {
      out.add(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]);
    }
    if (out.isEmpty()) {
      out.add(String.join(" ", words)); // a text of one or two words is its own shingle
    }
    return out;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    int common = 0;
    for (String s : a.size() < b.size() ? a : b) {
      common += (a.size() < b.size() ? b : a).contains(s) ? 1 : 0;
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
