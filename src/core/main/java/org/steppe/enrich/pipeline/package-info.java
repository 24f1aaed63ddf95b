/**
 * The enrichment pipeline, above the parts it composes: the gazetteer and rule recognisers
 * ({@code enrich}), the statistical recogniser ({@code enrich.ner}) and quote extraction
 * ({@code enrich.quote}), so none of those depends on another.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.enrich.pipeline;
