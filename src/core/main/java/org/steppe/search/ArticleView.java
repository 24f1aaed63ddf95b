package org.steppe.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One article as stored: clean body, metadata, and entities and quotes with offsets into {@code body}.
 *
 * @param id the article's id
 * @param file the corpus file it was read from (relative to the corpus folder), or {@code null} for
 *     an article put from code
 * @param title or {@code null} when the text states none
 * @param source its publication, or {@code null} when unknown
 * @param date publication date, or {@code null} when undated
 * @param author or {@code null}
 * @param url or {@code null}
 * @param body the clean text (site furniture removed)
 * @param entities each with mentions whose {@code start}/{@code end} index {@code body}
 * @param quotes each with {@code start}/{@code end} indexing {@code body} (-1 when outside it)
 */
public record ArticleView(String id, String file, String title, String source, LocalDate date, String author, String url,
    String body, List<ArticleEntity> entities, List<ArticleQuote> quotes) {
  /** Copies the lists, so a view never changes. */
  public ArticleView {
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
  }
}
