/**
 * Clean articles to enriched ones: named entities (gazetteer, rules, a statistical model) joined
 * under canonical names, and quotations attributed to their speakers. Every step returns spans
 * with offsets into the article's text.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.enrich;
