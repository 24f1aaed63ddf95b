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
 * @param about canonical names of the entities the quote's own words mention (what it is about)
 * @param speakerMention how the article names the speaker for this quote ("Nazarbaev", or a
 *     pronoun), or {@code null} when unknown
 * @param reportedBy the same quotation (same speaker, near-identical words) in other articles,
 *     oldest first
 */
public record QuoteHit(String id, String text, String snippet, QuoteKind kind, String speaker, String role,
    String context, ArticleRef article, float score, java.util.List<String> about, String speakerMention,
    java.util.List<Report> reportedBy) {

  /** Copies the lists; {@code null} means none. */
  public QuoteHit {
    about = about == null ? java.util.List.of() : java.util.List.copyOf(about);
    reportedBy = reportedBy == null ? java.util.List.of() : java.util.List.copyOf(reportedBy);
  }

  /**
   * A hit without what the quote is about or how the speaker is named (engines that do not store them).
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
  public QuoteHit(String id, String text, String snippet, QuoteKind kind, String speaker, String role,
      String context, ArticleRef article, float score) {
    this(id, text, snippet, kind, speaker, role, context, article, score, null, null, null);
  }

  /**
   * The same quotation in another article.
   *
   * @param quoteId that article's quote ({@code articleId#qN})
   * @param article the article reporting it
   */
  public record Report(String quoteId, ArticleRef article) {}

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
