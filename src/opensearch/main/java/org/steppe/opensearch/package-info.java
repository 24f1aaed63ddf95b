/**
 * Steppe on an OpenSearch cluster (issue 15, groundwork): the index's settings and mapping made
 * from the same {@code index-config/} as the embedded index ({@link org.steppe.opensearch.IndexDefinition},
 * {@link org.steppe.opensearch.AnalysisTranslator}), enriched articles as bulk actions
 * ({@link org.steppe.opensearch.ArticleDocuments}) and a bulk writer sized by bytes that retries
 * what the cluster pushes back ({@link org.steppe.opensearch.BulkWriter}). Depends on
 * {@code config}, {@code enrich}, {@code index} and the official {@code opensearch-java} client
 * only; the read side plugs into issue 14's read interface.
 */
package org.steppe.opensearch;
