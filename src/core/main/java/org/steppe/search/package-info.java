/**
 * Steppe's API: the read seam {@link org.steppe.search.SteppeSearch} (articles and quotes with
 * filters, multi-select facets and highlighted snippets, one article, suggestions, similar
 * articles, counts), the writer {@link org.steppe.search.SteppeWriter}, the embedded Lucene engine
 * ({@link org.steppe.search.Steppe}, {@link org.steppe.search.WritableSteppe}) and its
 * configuration ({@link org.steppe.search.SteppeConfig}). Public types here use only each other,
 * the JDK's and Lucene's {@code Directory}; every other package of Steppe is internal and may change
 * between versions.
 */
package org.steppe.search;
