/**
 * The public API: {@link org.steppe.search.Steppe} opens an index, searches articles and quotes
 * with filters, multi-select facets and highlighted snippets, suggests completions and corrected
 * queries, finds articles like an article, and adds articles from code.
 * Everything outside this package may change between versions.
 */
package org.steppe.search;
