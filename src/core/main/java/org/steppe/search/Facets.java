package org.steppe.search;

import java.util.List;

/**
 * The facet counts of a search, named as in the HTTP API. Facets are multi-select: a facet's
 * counts ignore that facet's own filter, so a page can keep offering the other values while one is
 * chosen.
 *
 * @param source publications, most hits first
 * @param speaker speakers quoted, most hits first
 * @param entity entities of every type in one list, most hits first
 * @param date months ({@code 2015-12}), in time order
 * @param year years ({@code 2015}), in time order
 * @param approximate the counts were estimated from a sample of the matches, not counted one by one:
 *     a search matching very many documents (more than {@code steppe.facetsExactUpTo}, 50,000 by
 *     default) counts facets over a fixed sample of them and scales the counts up to all of them
 */
public record Facets(List<FacetValue> source, List<FacetValue> speaker, List<EntityFacetValue> entity,
    List<FacetValue> date, List<FacetValue> year, boolean approximate) {
  /** No facets: what {@link SteppeSearch#similar} returns. */
  public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of());

  /** Copies the lists, so facets never change. */
  public Facets {
    source = List.copyOf(source);
    speaker = List.copyOf(speaker);
    entity = List.copyOf(entity);
    date = List.copyOf(date);
    year = List.copyOf(year);
  }

  /**
   * Exact counts.
   *
   * @param source publications, most hits first
   * @param speaker speakers quoted, most hits first
   * @param entity entities of every type in one list, most hits first
   * @param date months, in time order
   * @param year years, in time order
   */
  public Facets(List<FacetValue> source, List<FacetValue> speaker, List<EntityFacetValue> entity,
      List<FacetValue> date, List<FacetValue> year) {
    this(source, speaker, entity, date, year, false);
  }

  /**
   * The entity facet's values of one type.
   *
   * @param type the entity type
   * @return its values, most hits first
   */
  public List<FacetValue> entities(EntityType type) {
    return entity.stream().filter(e -> e.type() == type).map(e -> new FacetValue(e.value(), e.count())).toList();
  }
}
