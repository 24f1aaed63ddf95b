package org.steppe.ingest;

import java.util.List;

/**
 * A clean article: its original text, the parts of it that are the article proper, and its
 * metadata.
 *
 * <p>Offsets (of entities, quotes) always index {@link #text()}, the file's decoded text, so that
 * {@code text.substring(start, end)} is what was found. {@link #paragraphs()} is the readable body
 * that is enriched, indexed and shown, with a map back to {@code text}; {@link #cleanText()} has the
 * same length as {@code text} with boilerplate blanked out.
 *
 * @param id stable id (relative path, or the format's key such as Reuters' NEWID)
 * @param file the source file relative to the corpus root
 * @param text the decoded text of the article
 * @param kept the paragraphs of {@code text} that make up the body, in order, each once
 * @param metadata title, source, date, author, URL; fields not stated are {@code null}
 * @param paragraphed true when the format laid the text out in paragraphs itself (a web page's
 *     blocks): its lines are paragraphs and are never rejoined as hard-wrapped text
 */
public record Article(String id, String file, String text, List<Segment> kept, Metadata metadata, boolean paragraphed) {
  public Article {
    kept = List.copyOf(kept);
  }

  /** An article whose lines may be hard-wrapped: {@link #paragraphs()} decides from their shape. */
  public Article(String id, String file, String text, List<Segment> kept, Metadata metadata) {
    this(id, file, text, kept, metadata, false);
  }

  /** The text with everything outside the kept paragraphs replaced by spaces (line breaks kept). */
  public String cleanText() {
    char[] out = text.toCharArray();
    int pos = 0;
    for (Segment s : kept) {
      blank(out, pos, s.start());
      pos = s.end();
    }
    blank(out, pos, out.length);
    return new String(out);
  }

  private static void blank(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      if (chars[i] != '\n') {
        chars[i] = ' ';
      }
    }
  }

  /**
   * The body as it reads: the kept paragraphs, the lines of hard-wrapped text rejoined, with a map
   * back to {@link #text()}. Computed once per article and thread: enrichment, the stored
   * enrichment and the document all ask for it in turn, and rebuilding it each time cost two per
   * cent of indexing (issue 16). Keep it when mapping many offsets.
   */
  public Paragraphs paragraphs() {
    Object[] last = LAST_PARAGRAPHS.get();
    if (last[0] == this) {
      return (Paragraphs) last[1];
    }
    Paragraphs p = ParagraphRebuilder.rebuild(text, kept, !paragraphed);
    last[0] = this;
    last[1] = p;
    return p;
  }

  /** The last article whose paragraphs this thread rebuilt, and them (immutable): one entry, by identity. */
  private static final ThreadLocal<Object[]> LAST_PARAGRAPHS = ThreadLocal.withInitial(() -> new Object[2]);

  /**
   * The body to index and show: the kept paragraphs, separated by a blank line (or, in text that
   * is not hard-wrapped, by the line break between them); the lines of a wrapped paragraph joined.
   */
  public String body() {
    return paragraphs().text();
  }

  /**
   * Maps an offset into {@link #text()} to the same character in {@link #body()}, or -1 when that
   * character is not in the body (boilerplate, or the break of a rejoined line).
   */
  public int bodyOffset(int textOffset) {
    return paragraphs().fromSource(textOffset);
  }
}
