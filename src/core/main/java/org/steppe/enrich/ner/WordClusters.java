package org.steppe.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Word clusters learned from unlabelled text ({@link WordClusterer}): each word with its cluster
 * at up to three resolutions, so the tagger can generalise from "Nazarbayev" to other words used
 * like it. Read from a text file of lines {@code word<TAB>id id id}. Immutable.
 *
 * @param table each word's cluster ids packed ten bits each
 * @param resolutions how many ids each word has (0 to 3)
 */
public record WordClusters(WordTable table, int resolutions) {
  /** Where the shipped clusters live on the classpath. */
  public static final String BUILT_IN = "/org/steppe/enrich/ner/word-clusters.tsv";
  /** No clusters: the tagger runs without cluster features. */
  public static final WordClusters NONE = new WordClusters(WordTable.empty(), 0);

  public WordClusters {
    if (resolutions < 0 || resolutions > 3) {
      throw new IllegalArgumentException("clusters come in 0 to 3 resolutions, not " + resolutions);
    }
  }

  /** How many words have clusters. */
  public int size() {
    return table.size();
  }

  /** The clusters shipped in the jar, or empty when this build has none. */
  public static Optional<WordClusters> builtIn() throws IOException {
    try (InputStream in = WordClusters.class.getResourceAsStream(BUILT_IN)) {
      return in == null ? Optional.empty() : Optional.of(read(in, BUILT_IN));
    }
  }

  /** The clusters in {@code file}. */
  public static WordClusters read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  static WordClusters read(InputStream stream, String name) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    Map<String, Integer> words = new HashMap<>();
    int resolutions = -1;
    int lineNo = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String[] ids = tab < 0 ? new String[0] : line.substring(tab + 1).split(" ");
      if (tab <= 0 || ids.length == 0 || ids.length > 3 || (resolutions >= 0 && ids.length != resolutions)) {
        throw new ConllFormatException(name, lineNo, "expected a word, a tab and 1 to 3 cluster numbers (as on every line)");
      }
      resolutions = ids.length;
      int packed = 0;
      for (int r = 0; r < ids.length; r++) {
        int id;
        try {
          id = Integer.parseInt(ids[r]);
        } catch (NumberFormatException e) {
          id = -1;
        }
        if (id < 0 || id > 1023) {
          throw new ConllFormatException(name, lineNo, "a cluster number is 0 to 1023, not '" + ids[r] + "'");
        }
        packed |= id << (10 * r);
      }
      words.put(line.substring(0, tab), packed);
    }
    return new WordClusters(new WordTable(words), Math.max(resolutions, 0));
  }
}
