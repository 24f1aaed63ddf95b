package org.steppe.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 SGML ({@code reut2-*.sgm}): one file holds many {@code <REUTERS>} stories.
 *
 * <p>The files are SGML, not XML (unclosed tags, {@code &#3;} entities), so stories are cut out by
 * finding their tags rather than with an XML parser. Every search moves forward through the text,
 * so reading takes time linear in the file's length whatever it holds (a pattern such as
 * {@code <TITLE>(.*?)</TITLE>} would rescan to the end from every unclosed tag). A story's text is
 * its title, a blank line and its body, with entities decoded; its id is the NEWID.
 */
public final class ReutersSgmlFormat implements ArticleFormat {
  private static final Pattern FILE_NAME = Pattern.compile("reut2-\\d+\\.sgm", Pattern.CASE_INSENSITIVE);
  private static final String STORY_OPEN = "<REUTERS";
  private static final String STORY_CLOSE = "</REUTERS>";
  private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern DATE = Pattern.compile("<DATE>\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{4})");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,8}|lt|gt|amp|quot|apos);");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
  /**
   * The wire's sign-off ending a story, on its own line or after the last sentence: "Reuter",
   * "REUTER...", "REUTER^M", "REUTER E", "REUTER11:43/VB" (with the desk's time and initials).
   */
  private static final Pattern SIGN_OFF = Pattern.compile(
      "(?:\\n[ \\t]*+|(?<=[.!?\"')])[ \\t]{1,12})(?:REUTERS?|Reuter|reuter|REUTE)(?:\\.\\.\\.)?(?:\\^M)?"
          + "(?:\\d{1,2}:\\d{2}/[A-Z]{1,4}| [A-Z])?\\s*+$");
  /** "MORE" closing a story that the wire continues in a later take. */
  private static final Pattern MORE = Pattern.compile("\\n[ \\t]*+(?:MORE|More|more)(?:\\^M)?\\s*+$");
  private static final DateTimeFormatter REUTERS_DATE = new java.time.format.DateTimeFormatterBuilder()
      .parseCaseInsensitive().appendPattern("d-MMM-yyyy").toFormatter(Locale.ENGLISH);

  @Override
  public boolean accepts(Path file) {
    return FILE_NAME.matcher(file.getFileName().toString()).matches();
  }

  @Override
  public List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener) {
    List<SourceDocument> stories = DecodedText.read(relativePath, bytes, listener).map(text -> parse(relativePath, text)).orElse(null);
    if (stories != null && stories.isEmpty()) {
      listener.skipped(relativePath, "no <REUTERS> stories found");
    }
    return stories == null ? List.of() : stories;
  }

  /**
   * The body without the wire's furniture at its end (sign-off, "MORE"): part of the wire format,
   * like the control marks, not of the story, so the format removes it rather than boilerplate rules.
   */
  static String withoutWireFurniture(String body) {
    if (body == null) {
      return null;
    }
    // Only the tail can hold it: matching there keeps the cost independent of the body's length.
    int from = Math.max(0, body.length() - 64);
    String tail = body.substring(from);
    for (int signOffs = 0; signOffs < 2; signOffs++) { // a story glued to the next one can end with two
      Matcher m = SIGN_OFF.matcher(tail);
      if (!m.find()) {
        break;
      }
      tail = tail.substring(0, m.start());
    }
    Matcher more = MORE.matcher(tail);
    if (more.find()) {
      tail = tail.substring(0, more.start());
    }
    String out = (body.substring(0, from) + tail).strip();
    return out.isEmpty() ? null : out;
  }

  /** The stories of one decoded file (public for the benchmarks, which parse without a listener). */
  public List<SourceDocument> parse(String relativePath, String text) {
    List<SourceDocument> out = new ArrayList<>();
    int from = 0;
    int close = -1;
    while (true) {
      int open = storyOpen(text, from);
      int gt = open < 0 ? -1 : text.indexOf('>', open + STORY_OPEN.length());
      if (gt < 0) {
        return out; // no story opens from here on
      }
      if (close <= gt) {
        close = text.indexOf(STORY_CLOSE, gt + 1);
      }
      if (close < 0) {
        return out; // no story closes from here on: an unclosed last story is not read
      }
      story(relativePath, text.substring(open + STORY_OPEN.length(), gt), text.substring(gt + 1, close), out);
      from = close + STORY_CLOSE.length();
    }
  }

  /** Where the next {@code <REUTERS} tag starts at or after {@code from} (not {@code <REUTERSX}), or -1. */
  private static int storyOpen(String text, int from) {
    for (int at = text.indexOf(STORY_OPEN, from); at >= 0; at = text.indexOf(STORY_OPEN, at + 1)) {
      int after = at + STORY_OPEN.length();
      if (after == text.length() || !isWordChar(text.charAt(after))) {
        return at;
      }
    }
    return -1;
  }

  private static boolean isWordChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private static void story(String relativePath, String attributes, String inner, List<SourceDocument> out) {
    Matcher id = NEWID.matcher(attributes);
    if (!id.find()) {
      return;
    }
    String title = withoutWireFurniture(clean(element(inner, "<TITLE>", "</TITLE>", false))); // a brief's sign-off is in its title
    String body = clean(element(inner, "<BODY>", "</BODY>", true));
    if (title == null && body == null) {
      // TYPE="UNPROC" stories have neither TITLE nor BODY: their text is the whole TEXT element.
      String raw = textElement(inner);
      body = raw == null ? null : clean(withoutTags(raw));
    }
    String dateline = clean(element(inner, "<DATELINE>", "</DATELINE>", false));
    if (body != null && dateline != null && body.startsWith(dateline)) {
      body = body.substring(dateline.length()).strip();
    }
    body = withoutWireFurniture(body);
    StringBuilder storyText = new StringBuilder();
    if (title != null) {
      storyText.append(title).append("\n\n");
    }
    if (body != null) {
      storyText.append(body);
    }
    if (storyText.isEmpty()) {
      return;
    }
    Matcher date = DATE.matcher(inner);
    Metadata known = new Metadata(title, "Reuters", parseDate(date.find() ? date.group(1) : null), null, null);
    out.add(new SourceDocument(id.group(1), relativePath, storyText.toString(), known));
  }

  /**
   * What lies between the first {@code open} tag and the {@code close} tag after it; with
   * {@code toEnd}, an unclosed element runs to the end of the story. {@code null} when absent.
   */
  private static String element(String in, String open, String close, boolean toEnd) {
    int start = in.indexOf(open);
    if (start < 0) {
      return null;
    }
    start += open.length();
    int end = in.indexOf(close, start);
    return end >= 0 ? in.substring(start, end) : toEnd ? in.substring(start) : null;
  }

  /** The content of the first {@code <TEXT ...>} element, to its end tag or the story's end. */
  private static String textElement(String in) {
    int tag = in.indexOf("<TEXT");
    int gt = tag < 0 ? -1 : in.indexOf('>', tag);
    if (gt < 0) {
      return null;
    }
    int end = in.indexOf("</TEXT>", gt + 1);
    return end >= 0 ? in.substring(gt + 1, end) : in.substring(gt + 1);
  }

  /** Every {@code <...>} tag replaced by a space, in one pass; a {@code <} never closed stays text. */
  private static String withoutTags(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int lt = s.indexOf('<', i);
      int gt = lt < 0 ? -1 : s.indexOf('>', lt + 1);
      if (gt < 0) {
        b.append(s, i, s.length());
        break;
      }
      b.append(s, i, lt).append(' ');
      i = gt + 1;
    }
    return b.toString();
  }

  private static LocalDate parseDate(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip(), REUTERS_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String decoded = ENTITY.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1))));
    String s = CONTROL.matcher(decoded).replaceAll("").strip();
    return s.isEmpty() ? null : s;
  }

  private static String decode(String entity) {
    return switch (entity) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> {
        int code = Integer.parseInt(entity.substring(1)); // at most eight digits: no overflow
        // &#3; and friends are SGML control marks (end of text), not characters of the story; a number
        // that is no character (a surrogate half, past U+10FFFF) is dropped too.
        boolean character = code >= 32 || code == 10;
        yield character && Character.isValidCodePoint(code) && !(code >= 0xD800 && code <= 0xDFFF) ? Character.toString(code) : "";
      }
    };
  }
}
