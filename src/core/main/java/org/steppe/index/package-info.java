/**
 * Enriched articles to a Lucene index: the schema (one place for field names), the analyzers
 * configured from {@code index-config/}, and the writer that adds, updates and removes articles
 * and their quotes.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.index;
