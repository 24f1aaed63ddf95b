package org.steppe.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * JSON Lines ({@code *.jsonl}), the export format of most CMSs and scrapers: one article per line,
 * {@code {"id", "title", "body", "source", "date", "author", "url"}}, of which {@code id} and
 * {@code body} are required. A body written in HTML is read as text by the {@link HtmlFragmentReader}
 * on the classpath (steppe-formats has one); with none, it is kept as it is, tags and all, and the
 * file gets a warning. A line that cannot be read is skipped with a warning naming the file and
 * line; the rest of the file counts.
 * The corpus's own {@code manifest.jsonl} is not an article file.
 */
public final class JsonLinesFormat implements ArticleFormat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HtmlFragmentReader html;

  /** @param html reads bodies written in HTML; {@code null} when no reader is on the classpath */
  public JsonLinesFormat(HtmlFragmentReader html) {
    this.html = html;
  }

  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
  }

  @Override
  public List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener) {
    String text = DecodedText.read(relativePath, bytes, listener).orElse(null);
    if (text == null) {
      return List.of();
    }
    List<SourceDocument> out = new ArrayList<>();
    int unreadHtml = 0;
    List<Line> lines = Line.split(text);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).text().strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        SourceDocument doc = article(relativePath, JSON.readTree(line));
        unreadHtml += html == null && Markup.isMarkup(doc.text()) ? 1 : 0;
        out.add(doc);
      } catch (JsonProcessingException e) {
        listener.skipped(relativePath + ":" + (i + 1), "not a JSON object: " + e.getOriginalMessage());
      } catch (IllegalArgumentException e) {
        listener.skipped(relativePath + ":" + (i + 1), e.getMessage());
      }
    }
    if (unreadHtml > 0) {
      listener.warning(relativePath, (unreadHtml == 1 ? "1 body is" : unreadHtml + " bodies are") + " HTML, kept as written, tags and all:"
          + " no HTML reader is on the classpath (add " + ExternalFormat.MODULE + ")");
    }
    return out;
  }

  private SourceDocument article(String file, JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String id = required(node, "id");
    String body = required(node, "body");
    String date = text(node, "date");
    LocalDate day = StatedDate.parse(date);
    if (date != null && day == null) {
      throw new IllegalArgumentException("\"date\" is not a date: " + date);
    }
    Metadata stated = new Metadata(text(node, "title"), text(node, "source"), day, text(node, "author"), text(node, "url"));
    boolean read = html != null && Markup.isMarkup(body);
    return new SourceDocument(id, file, read ? html.text(body) : body, stated, read);
  }

  private static String required(JsonNode node, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException("needs \"" + field + "\"");
    }
    return v;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }
}
