package org.steppe.search;

/**
 * A quotation in an article and who said it.
 *
 * @param text the quoted words, without quotation marks
 * @param kind direct, partial or indirect
 * @param speaker the speaker's canonical name, or {@code null} when the text does not make it clear
 * @param role the speaker's role as the text states it, or {@code null}
 * @param start offset of the first quoted character in the body, or -1 when the quote is outside it
 *     (in the title)
 * @param end offset after the last quoted character in the body, or -1
 * @param context the sentence or sentences around the quote, or {@code null}
 */
public record ArticleQuote(String text, QuoteKind kind, String speaker, String role, int start, int end, String context) {
  /** Checks that the quote has words and a kind. */
  public ArticleQuote {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a quote needs its words");
    }
    if (kind == null) {
      throw new IllegalArgumentException("the quote '" + text + "' needs a kind");
    }
  }
}
