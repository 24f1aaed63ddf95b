package org.steppe.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.steppe.enrich.EntityType;
import org.steppe.index.Fields;
import org.steppe.search.ArticleHit;
import org.steppe.search.EntityRef;
import org.steppe.search.FacetValue;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchResult;
import org.steppe.search.SimilarStory;

/** The JSON shapes the API answers with, and how they are made from the library's results. */
final class ApiJson {
  private ApiJson() {}

  /** {@code GET /api/search}: one page of articles. */
  record ArticlesPage(long total, List<Hit> hits, Facets facets, String didYouMean, String nextCursor, String notice) {
    static ArticlesPage of(SearchResult<ArticleHit> r) {
      return new ArticlesPage(r.total(), r.hits().stream().map(h -> Hit.of(h, r.similar().getOrDefault(h.id(), List.of()))).toList(),
          Facets.of(r.facets()), r.didYouMean(), r.nextCursor(), r.notice());
    }
  }

  /**
   * An article that matched; {@code snippet} is HTML-escaped with only {@code <mark>} tags;
   * {@code similar} lists the repeats folded under it ({@code group=similar}), else it is empty.
   */
  record Hit(String id, String title, String source, String date, String author, String url, String snippet,
      List<EntityRef> entities, List<SimilarStory> similar) {
    static Hit of(ArticleHit h, List<SimilarStory> similar) {
      return new Hit(h.id(), h.title(), h.source(), h.date(), h.author(), h.url(), h.snippet(), h.entities(), similar);
    }
  }

  /** {@code GET /api/quotes}: one page of quotes. */
  record QuotesPage(long total, List<QuoteItem> quotes, Facets facets, String didYouMean, String nextCursor, String notice) {
    static QuotesPage of(SearchResult<QuoteHit> r) {
      return new QuotesPage(r.total(), r.hits().stream().map(QuoteItem::of).toList(), Facets.of(r.facets()),
          r.didYouMean(), r.nextCursor(), r.notice());
    }
  }

  /** A quote that matched; {@code text} is plain, {@code snippet} the same words escaped with {@code <mark>}s. */
  record QuoteItem(String id, String text, String snippet, String kind, String speaker, String role, String context,
      QuoteHit.ArticleRef article) {
    static QuoteItem of(QuoteHit q) {
      return new QuoteItem(q.id(), q.text(), q.snippet(), q.kind(), q.speaker(), q.role(), q.context(), q.article());
    }
  }

  /** The facet sidebar: entity types merged into one list, dates as month and year buckets in time order. */
  record Facets(List<FacetValue> source, List<FacetValue> speaker, List<EntityFacet> entity, List<FacetValue> date,
      List<FacetValue> year) {
    static Facets of(Map<String, List<FacetValue>> dims) {
      List<EntityFacet> entities = new ArrayList<>();
      for (EntityType type : EntityType.values()) {
        for (FacetValue v : dims.getOrDefault(Fields.facetEntity(type.label()), List.of())) {
          entities.add(new EntityFacet(v.value(), type.label(), v.count()));
        }
      }
      entities.sort(Comparator.comparingLong(EntityFacet::count).reversed().thenComparing(EntityFacet::value));
      return new Facets(dims.getOrDefault("source", List.of()), dims.getOrDefault("speaker", List.of()), entities,
          dims.getOrDefault("month", List.of()), dims.getOrDefault("year", List.of()));
    }
  }

  /** One entity value of the facet, with its type so the page can group or colour it. */
  record EntityFacet(String value, String type, long count) {}

  /** {@code GET /api/suggest}. */
  record Suggestions(List<org.steppe.search.Suggestion> suggestions) {}
}
