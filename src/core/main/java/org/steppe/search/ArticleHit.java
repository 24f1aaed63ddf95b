package org.steppe.search;

import java.time.LocalDate;
import java.util.List;

/**
 * An article that matched.
 *
 * @param id the article's id
 * @param title its title, or {@code null} when the text states none
 * @param source its publication, or {@code null} when unknown
 * @param date publication date, or {@code null} when undated
 * @param author or {@code null}
 * @param url or {@code null}
 * @param score relevance score (NaN when sorted by date)
 * @param snippet sentence-bounded passages, HTML-escaped, matches wrapped in {@code <mark>}
 * @param entities entities it mentions
 */
public record ArticleHit(String id, String title, String source, LocalDate date, String author, String url,
    float score, String snippet, List<EntityRef> entities) {}
