package org.steppe.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.steppe.ingest.Article;

/**
 * An enriched article as one line of JSON, the shape {@code extract} prints and {@code eval-quotes
 * --jsonl} writes: {@code id}, {@code file}, metadata, {@code body} (the clean text indexed),
 * {@code entities} ({@code name}, {@code type}, {@code mentions}) and {@code quotes} ({@code text},
 * {@code start}, {@code end}, {@code kind}, {@code speaker}, {@code role}, {@code speakerMention}),
 * offsets into the article's text (for a text file, its decoded text).
 */
public final class EnrichedArticleJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EnrichedArticleJson() {}

  /** One JSON line for {@code e}, read from {@code file} (as the user named it). */
  public static String line(EnrichedArticle e, String file) {
    try {
      return JSON.writeValueAsString(of(e, file));
    } catch (JsonProcessingException x) {
      throw new IllegalStateException("an enriched article is always writable as JSON", x);
    }
  }

  static Map<String, Object> of(EnrichedArticle e, String file) {
    Article a = e.article();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", a.id());
    o.put("file", file);
    o.put("title", a.metadata().title());
    o.put("source", a.metadata().source());
    o.put("date", a.metadata().date() == null ? null : a.metadata().date().toString());
    o.put("author", a.metadata().author());
    o.put("url", a.metadata().url());
    o.put("body", a.body());
    List<Map<String, Object>> entities = new ArrayList<>();
    for (Entity en : e.entities()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", en.name());
      m.put("type", en.type().label());
      m.put("mentions", en.mentions());
      entities.add(m);
    }
    o.put("entities", entities);
    List<Map<String, Object>> quotes = new ArrayList<>();
    for (Quote q : e.quotes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", q.text());
      m.put("start", q.start());
      m.put("end", q.end());
      m.put("kind", q.kind().label());
      m.put("speaker", q.speaker());
      m.put("role", q.role());
      m.put("speakerMention", q.speakerMention());
      quotes.add(m);
    }
    o.put("quotes", quotes);
    return o;
  }
}
