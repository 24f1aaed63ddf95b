package org.steppe.search;

/**
 * One entity of the entity facet and how many hits mention it.
 *
 * @param value the entity's canonical name, as {@link SearchRequest#withEntities} takes it
 * @param type what kind of entity it is
 * @param count how many hits mention it
 */
public record EntityFacetValue(String value, EntityType type, long count) {}
