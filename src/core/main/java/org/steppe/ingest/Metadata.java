package org.steppe.ingest;

import java.time.LocalDate;

/**
 * What is known about an article besides its text. Any field may be {@code null}: it means the
 * text did not state it, and nothing is guessed in its place.
 */
public record Metadata(String title, String source, LocalDate date, String author, String url) {
  public static final Metadata NONE = new Metadata(null, null, null, null, null);

  /** This metadata where it has a value, {@code fallback}'s elsewhere. */
  public Metadata orElse(Metadata fallback) {
    return new Metadata(
        title != null ? title : fallback.title,
        source != null ? source : fallback.source,
        date != null ? date : fallback.date,
        author != null ? author : fallback.author,
        url != null ? url : fallback.url);
  }
}
