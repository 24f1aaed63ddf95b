/**
 * Quote extraction and attribution by rules: quoted spans found by {@link org.steppe.enrich.quote.QuoteScanner},
 * speech told apart from titles and scare quotes, speakers found after or before the quote, in the
 * sentence's subject or by antecedent, and resolved to the article's people
 * ({@link org.steppe.enrich.quote.RuleQuoteExtractor} composes them). Depends on {@code enrich}'s
 * types only.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.enrich.quote;
