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
      String title = clean(first(TITLE, inner));
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
