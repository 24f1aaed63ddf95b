/**
 * Enriched articles to a Lucene index: the schema (one place for field names), the analyzers
 * configured from {@code index-config/}, and the writer that adds, updates and removes articles
 * and their quotes.
 */
package org.steppe.index;
