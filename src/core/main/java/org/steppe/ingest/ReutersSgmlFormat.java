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
 * <p>The files are SGML, not XML (unclosed tags, {@code &#3;} entities), so stories are cut out
 * with patterns rather than an XML parser. A story's text is its title, a blank line and its body,
 * with entities decoded; its id is the NEWID.
 */
public final class ReutersSgmlFormat implements ArticleFormat {
  private static final Pattern FILE_NAME = Pattern.compile("reut2-\\d+\\.sgm", Pattern.CASE_INSENSITIVE);
  private static final Pattern STORY = Pattern.compile("<REUTERS\\b([^>]*)>(.*?)</REUTERS>", Pattern.DOTALL);
  private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern DATE = Pattern.compile("<DATE>\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{4})");
  private static final Pattern TITLE = Pattern.compile("<TITLE>(.*?)</TITLE>", Pattern.DOTALL);
  private static final Pattern BODY = Pattern.compile("<BODY>(.*?)(?:</BODY>|$)", Pattern.DOTALL);
  private static final Pattern DATELINE = Pattern.compile("<DATELINE>(.*?)</DATELINE>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp|quot|apos);");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]");
  private static final Pattern TEXT = Pattern.compile("<TEXT[^>]*>(.*?)(?:</TEXT>|$)", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
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

  /** The stories of one decoded file. */
  List<SourceDocument> parse(String relativePath, String text) {
    List<SourceDocument> out = new ArrayList<>();
    Matcher story = STORY.matcher(text);
    while (story.find()) {
      Matcher id = NEWID.matcher(story.group(1));
      if (!id.find()) {
        continue;
      }
      String inner = story.group(2);
      String title = withoutWireFurniture(clean(first(TITLE, inner))); // a brief's sign-off is in its title
      String body = clean(first(BODY, inner));
      if (title == null && body == null) {
        // TYPE="UNPROC" stories have neither TITLE nor BODY: their text is the whole TEXT element.
        String raw = first(TEXT, inner);
        body = raw == null ? null : clean(TAG.matcher(raw).replaceAll(" "));
      }
      String dateline = clean(first(DATELINE, inner));
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
        continue;
      }
      Metadata known = new Metadata(title, "Reuters", parseDate(first(DATE, inner)), null, null);
      out.add(new SourceDocument(id.group(1), relativePath, storyText.toString(), known));
    }
    return out;
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

  private static String first(Pattern pattern, String in) {
    Matcher m = pattern.matcher(in);
    return m.find() ? m.group(1) : null;
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
        int code = Integer.parseInt(entity.substring(1));
        // &#3; and friends are SGML control marks (end of text), not characters of the story.
        yield code < 32 && code != 10 ? "" : String.valueOf((char) code);
      }
    };
  }
}
