package org.steppe.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with facet counts.
 *
 * @param total every hit, not only this page's
 * @param hits this page
 * @param facets per dimension ({@code source}, {@code speaker}, {@code entity.person}, …,
 *     {@code year}, {@code month}), values by count; with multi-select semantics a dimension's
 *     counts ignore that dimension's own filter
 * @param didYouMean a corrected query when this one found little, else {@code null}
 * @param nextCursor pass to {@link SearchRequest#withCursor} for the next page; {@code null} at the end.
 *     A cursor names a position in the index as it was: a walk across a commit may skip or repeat
 *     articles that commit changed
 */
public record SearchResult<H>(long total, List<H> hits, Map<String, List<FacetValue>> facets, String didYouMean,
    String nextCursor) {}
