package org.steppe.search;

import java.time.LocalDate;

/**
 * An article handed over by another program (a CMS), for {@link Steppe#put}.
 *
 * @param id stable, unique id; putting the same id again replaces the article
 * @param title may be {@code null}
 * @param body the text; required
 * @param source publication; {@code null} means unknown
 * @param date publication date; {@code null} means undated
 * @param author may be {@code null}
 * @param url may be {@code null}
 */
public record ArticleInput(String id, String title, String body, String source, LocalDate date, String author, String url) {
  public ArticleInput {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an article needs an id");
    }
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("article " + id + " needs a body");
    }
  }
}
