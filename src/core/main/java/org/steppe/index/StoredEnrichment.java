package org.steppe.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Mention;
import org.steppe.enrich.Quote;
import org.steppe.ingest.Paragraphs;

/**
 * What the article view needs beyond the body, stored with the article as JSON: its entities and
 * quotes with offsets into the stored body (not the file), so a page can mark them directly.
 *
 * @param entities entities with their mentions
 * @param quotes quotes with their speakers
 */
public record StoredEnrichment(List<StoredEntity> entities, List<StoredQuote> quotes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An entity and where the body mentions it. */
  public record StoredEntity(String name, String type, List<Mention> mentions) {}

  /** A quote, its speaker and where it is in the body (-1 when outside it). */
  public record StoredQuote(String text, String kind, String speaker, String role, int start, int end, String context) {}

  /** The stored form of an enriched article: offsets into its body. */
  public static StoredEnrichment of(EnrichedArticle e) {
    Paragraphs body = e.article().paragraphs();
    List<StoredEntity> entities = new ArrayList<>();
    for (Entity entity : e.entities()) {
      List<Mention> inBody = new ArrayList<>();
      for (Mention m : entity.mentions()) {
        int s = body.fromSource(m.start());
        int end = body.fromSource(m.end());
        if (s >= 0 && end >= s) {
          // The body's words there: a name broken across a wrapped line reads whole.
          inBody.add(new Mention(s, end, body.text().substring(s, end)));
        }
      }
      entities.add(new StoredEntity(entity.name(), entity.type().label(), inBody));
    }
    List<StoredQuote> quotes = new ArrayList<>();
    for (Quote q : e.quotes()) {
      quotes.add(new StoredQuote(q.text(), q.kind().label(), q.speaker(), q.role(),
          body.fromSource(q.start()), body.fromSource(q.end()), q.context()));
    }
    return new StoredEnrichment(entities, quotes);
  }

  /** The JSON stored with the article (read back by {@link #fromJson}). */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the stored JSON back. */
  public static StoredEnrichment fromJson(String json) {
    try {
      return JSON.readValue(json, StoredEnrichment.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored enrichment is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
