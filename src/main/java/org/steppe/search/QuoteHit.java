package org.steppe.search;

import java.time.LocalDate;

/**
 * A quote that matched, linked to its article.
 *
 * @param id the quote's id ({@code articleId#qN})
 * @param text the quoted words (plain text)
 * @param snippet the quoted words HTML-escaped with matches wrapped in {@code <mark>}
 * @param kind direct, partial or indirect
 * @param speaker canonical name, or {@code null} when unknown
 * @param role speaker's role as the text states it, or {@code null}
 * @param context the surrounding sentence(s), plain text
 * @param article the article it comes from
 * @param score relevance score (NaN when sorted by date)
 */
public record QuoteHit(String id, String text, String snippet, QuoteKind kind, String speaker, String role,
    String context, ArticleRef article, float score) {

  /**
   * The article a quote comes from.
   *
   * @param id the article's id
   * @param title or {@code null}
   * @param source or {@code null} when unknown
   * @param date or {@code null} when undated
   */
  public record ArticleRef(String id, String title, String source, LocalDate date) {}
}
