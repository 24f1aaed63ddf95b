package org.steppe.enrich;

/**
 * A quotation and who said it.
 *
 * @param text the quoted words, without the quotation marks
 * @param start offset of the first quoted character in the article's text
 * @param end offset after the last quoted character
 * @param kind direct, partial or indirect
 * @param speaker the speaker's canonical name, or {@code null} when the text does not make it clear
 * @param role the speaker's role when the text states one ("Vice-Minister of Foreign Affairs of
 *     Kazakhstan"), else {@code null}
 * @param speakerMention where the speaker is named for this quote (may be a pronoun), or {@code null}
 * @param context the sentence or sentences around the quote, for display
 */
public record Quote(String text, int start, int end, QuoteKind kind, String speaker, String role,
    Mention speakerMention, String context) {}
