package org.steppe.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.steppe.enrich.EntityType;

/**
 * Reads CoNLL-2003-style files: one token a line with its entity tag in the last column (IOB1 or
 * IOB2, types PER/ORG/LOC/MISC or any {@link EntityType} label), blank lines between sentences and
 * {@code -DOCSTART-} lines between documents.
 */
public final class ConllReader {
  private ConllReader() {}

  /** Every sentence of {@code file}, in order. */
  public static List<ConllSentence> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    }
  }

  /** Every sentence read from {@code in}; {@code name} appears in error messages. */
  public static List<ConllSentence> read(BufferedReader in, String name) throws IOException {
    List<ConllSentence> out = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    // The first sentence of a file starts a document even without -DOCSTART-.
    boolean documentStart = true;
    int lineNo = 0;
    int sentenceLine = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("-DOCSTART-")) {
        if (!tokens.isEmpty()) {
          out.add(sentence(tokens, tags, documentStart, name, sentenceLine));
          documentStart = false;
          tokens.clear();
          tags.clear();
        }
        if (trimmed.startsWith("-DOCSTART-")) {
          documentStart = true;
        }
        continue;
      }
      String[] cols = trimmed.split("\\s+");
      if (cols.length < 2) {
        throw new ConllFormatException(name, lineNo, "expected a token and a tag, found '" + trimmed + "'");
      }
      if (tokens.isEmpty()) {
        sentenceLine = lineNo;
      }
      tokens.add(cols[0]);
      tags.add(cols[cols.length - 1]);
    }
    if (!tokens.isEmpty()) {
      out.add(sentence(tokens, tags, documentStart, name, sentenceLine));
    }
    return out;
  }

  private static ConllSentence sentence(List<String> tokens, List<String> tags, boolean docStart, String name, int firstLine) {
    return new ConllSentence(tokens.toArray(String[]::new), spans(tags, name, firstLine), docStart);
  }

  /**
   * The entity spans of one sentence's tags. Read as IOB1, which also reads IOB2 correctly: an
   * I- tag continues an entity of its own type, anything else starts one.
   */
  static NameSpan[] spans(List<String> tags, String name, int firstLine) {
    List<NameSpan> out = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      String prefix;
      String tagType;
      if (tag.equals("O")) {
        prefix = "O";
        tagType = null;
      } else if (tag.length() > 2 && tag.charAt(1) == '-' && "BIESLU".indexOf(tag.charAt(0)) >= 0) {
        prefix = tag.substring(0, 1);
        tagType = typeLabel(tag.substring(2), name, firstLine + i);
      } else {
        throw new ConllFormatException(name, firstLine + i, "unknown tag '" + tag + "' (expected O, B-TYPE or I-TYPE)");
      }
      boolean continues = type != null && tagType != null && tagType.equals(type)
          && (prefix.equals("I") || prefix.equals("E") || prefix.equals("L"));
      if (!continues) {
        if (type != null) {
          out.add(new NameSpan(start, i, type));
        }
        start = i;
        type = tagType;
      }
    }
    return out.toArray(NameSpan[]::new);
  }

  private static String typeLabel(String conllType, String name, int line) {
    try {
      return EntityType.parse(conllType).label();
    } catch (IllegalArgumentException e) {
      throw new ConllFormatException(name, line, e.getMessage());
    }
  }
}
