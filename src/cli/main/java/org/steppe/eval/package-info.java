/**
 * Evaluation. Relevance: reads a test collection (TREC or SMART layout), ranks it with Steppe as a
 * newsroom runs it (a corpus folder, the whole pipeline, the search API) and with stock Lucene BM25
 * on the same documents, and scores both (MAP, P@10, nDCG@10). Quote attribution: PolNeAR's gold
 * and {@code quote_eval.py}'s metrics. Depends on {@code search}; nothing in the library depends on it.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.eval;
