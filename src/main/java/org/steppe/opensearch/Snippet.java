package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;

/**
 * Snippets from OpenSearch's unified highlighter, worded as the embedded engine words them.
 *
 * <p>The cluster finds the passages (whole sentences: {@code boundary_scanner: sentence} with
 * {@code fragment_size: 0}, the same passage scorer as Lucene's) and marks the matches; each
 * passage is then placed back in the field's text and formatted by the embedded engine's own
 * formatter, so escaping and the {@code " … "} between passages that do not follow each other are
 * the same. A field with no match shows its first sentence, as the embedded engine does.
 */
final class Snippet {
  static final String MARK = "<mark>";
  static final String END_MARK = "</mark>";
  /** Passages per snippet, as the embedded engine. */
  static final int PASSAGES = 2;

  private Snippet() {}

  /** The {@code highlight} part of a search body for {@code field}, marking what {@code query} matches. */
  static ObjectNode request(String field, ObjectNode query) {
    ObjectNode h = Cluster.JSON.createObjectNode();
    h.put("type", "unified");
    h.putArray("pre_tags").add(MARK);
    h.putArray("post_tags").add(END_MARK);
    h.put("encoder", "html");
    h.put("boundary_scanner", "sentence");
    h.put("boundary_scanner_locale", "en");
    h.put("fragment_size", 0);
    h.put("number_of_fragments", PASSAGES);
    h.put("order", "none");
    h.set("highlight_query", query);
    h.putObject("fields").putObject(field);
    return h;
  }

  /**
   * The snippet of one hit.
   *
   * @param fragments the cluster's passages for the field (missing when nothing matched)
   * @param text the field's text, or {@code null} when the document has none
   * @return the snippet, HTML-escaped with matches in {@code <mark>}; {@code null} when there is no text
   */
  static String of(JsonNode fragments, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    sentences.setText(text);
    List<Passage> passages = new ArrayList<>();
    int from = 0;
    for (JsonNode f : fragments) {
      Passage p = place(f.asText(), text, from, sentences);
      if (p == null) {
        return null; // a passage that is not in the text: the text changed under the search
      }
      passages.add(p);
      from = p.getEndOffset();
    }
    if (passages.isEmpty()) {
      Passage first = new Passage();
      first.setStartOffset(0);
      int end = sentences.following(0);
      first.setEndOffset(end == BreakIterator.DONE ? text.length() : end);
      passages.add(first);
    }
    return new DefaultPassageFormatter(MARK, END_MARK, " … ", true).format(passages.toArray(Passage[]::new), text);
  }

  /** A fragment placed in {@code text} at or after {@code from}: its sentence's bounds and the marked matches. */
  private static Passage place(String fragment, String text, int from, BreakIterator sentences) {
    StringBuilder plain = new StringBuilder();
    List<int[]> marks = new ArrayList<>();
    int markStart = -1;
    for (int i = 0; i < fragment.length(); ) {
      if (fragment.startsWith(MARK, i)) {
        markStart = plain.length();
        i += MARK.length();
      } else if (fragment.startsWith(END_MARK, i)) {
        marks.add(new int[] {markStart, plain.length()});
        i += END_MARK.length();
      } else if (fragment.charAt(i) == '&') {
        int semi = fragment.indexOf(';', i);
        String entity = semi < 0 ? null : fragment.substring(i + 1, semi);
        String decoded = entity == null ? null : decode(entity);
        plain.append(decoded == null ? "&" : decoded);
        i = decoded == null ? i + 1 : semi + 1;
      } else {
        plain.append(fragment.charAt(i++));
      }
    }
    String passageText = plain.toString();
    String core = passageText.strip();
    int at = text.indexOf(core, from);
    if (at < 0) {
      return null;
    }
    int lead = passageText.indexOf(core);
    int start = sentences.isBoundary(at) ? at : Math.max(0, sentences.preceding(at));
    int end = sentences.following(Math.max(at, at + core.length() - 1));
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end == BreakIterator.DONE ? text.length() : end);
    for (int[] m : marks) {
      p.addMatch(at + m[0] - lead, at + m[1] - lead, new BytesRef(text.substring(at + m[0] - lead, at + m[1] - lead)), 1);
    }
    return p;
  }

  /** An HTML entity's character(s), or {@code null} when it is not one the encoder writes. */
  private static String decode(String entity) {
    try {
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
      }
      if (entity.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return switch (entity) {
      case "amp" -> "&";
      case "lt" -> "<";
      case "gt" -> ">";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> null;
    };
  }
}
