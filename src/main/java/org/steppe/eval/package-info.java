/**
 * Relevance evaluation: reads a TREC-format test collection, ranks it with an index's own
 * analysis chain and BM25 settings, and scores the ranking (MAP, P@10). Depends on {@code index}
 * only; nothing in the library depends on it.
 *
 * <p><b>Internal:</b> not part of Steppe's API ({@code org.steppe.search}); it may change in any version.
 */
package org.steppe.eval;
