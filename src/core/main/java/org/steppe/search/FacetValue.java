package org.steppe.search;

/**
 * One value of a facet and how many hits have it.
 *
 * @param value the value, as a filter takes it
 * @param count how many hits have it
 */
public record FacetValue(String value, long count) {}
