/**
 * What enrichment finds and the steps that find entities: entity mentions and types, quotes and
 * their kinds (the data every step returns, as spans with offsets into the article's text), the
 * interfaces of a recogniser and a quote extractor, the gazetteer and the rule recogniser, and the
 * resolver that joins mentions under canonical names. The statistical recogniser is in
 * {@code enrich.ner}, quote extraction in {@code enrich.quote}, and the pipeline that composes them
 * in {@code enrich.pipeline}.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.enrich;
