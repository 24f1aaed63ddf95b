/**
 * The seam a second engine builds on ({@link org.steppe.engine.EngineSupport}): the embedded engine's
 * reading of requests, enrichment, corpus sync and wording of answers, in Lucene's and the index's
 * terms, for Steppe's own engine modules (the OpenSearch backend).
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.engine;
