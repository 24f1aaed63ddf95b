package org.steppe.server;

import java.time.LocalDate;
import java.util.List;
import org.steppe.search.ArticleEntity;
import org.steppe.search.ArticleHit;
import org.steppe.search.ArticleQuote;
import org.steppe.search.ArticleView;
import org.steppe.search.EntityFacetValue;
import org.steppe.search.EntityRef;
import org.steppe.search.FacetValue;
import org.steppe.search.Mention;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchResult;
import org.steppe.search.SimilarStory;

/**
 * The JSON shapes the API answers with (see the OpenAPI description), and how they are made from
 * the library's results: enums as their lower-case labels, dates as ISO strings.
 */
final class ApiJson {
  private ApiJson() {}

  /** A date as {@code YYYY-MM-DD}, or {@code null}. */
  static String iso(LocalDate date) {
    return date == null ? null : date.toString();
  }

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
      List<Entity> entities, List<Similar> similar) {
    static Hit of(ArticleHit h, List<SimilarStory> similar) {
      return new Hit(h.id(), h.title(), h.source(), iso(h.date()), h.author(), h.url(), h.snippet(),
          h.entities().stream().map(Entity::of).toList(), similar.stream().map(Similar::of).toList());
    }
  }

  /** A repeat folded under a hit. */
  record Similar(String id, String source, String date) {
    static Similar of(SimilarStory s) {
      return new Similar(s.id(), s.source(), iso(s.date()));
    }
  }

  /** An entity an article mentions. */
  record Entity(String name, String type) {
    static Entity of(EntityRef e) {
      return new Entity(e.name(), e.type().label());
    }
  }

  /** {@code GET /api/quotes}: one page of quotes. */
  record QuotesPage(long total, List<QuoteItem> quotes, Facets facets, String didYouMean, String nextCursor, String notice) {
    /**
     * The page; collapsed, a quotation another hit of the page already stands for (it reports the
     * same words) is left out, so each is listed once, with the others in its {@code reportedBy}.
     */
    static QuotesPage of(SearchResult<QuoteHit> r, boolean collapse) {
      List<QuoteHit> shown = new java.util.ArrayList<>();
      java.util.Set<String> covered = new java.util.HashSet<>();
      for (QuoteHit q : r.hits()) {
        if (collapse && covered.contains(q.id())) {
          continue;
        }
        shown.add(q);
        q.reportedBy().forEach(other -> covered.add(other.quoteId()));
      }
      return new QuotesPage(r.total(), shown.stream().map(QuoteItem::of).toList(), Facets.of(r.facets()),
          r.didYouMean(), r.nextCursor(), r.notice());
    }
  }

  /**
   * A quote that matched; {@code text} is plain, {@code snippet} the same words escaped with
   * {@code <mark>}s; {@code about} the entities its words mention; {@code reportedBy} the other
   * articles carrying the same quotation.
   */
  record QuoteItem(String id, String text, String snippet, String kind, String speaker, String role, String context,
      ArticleRef article, List<String> about, List<Report> reportedBy) {
    static QuoteItem of(QuoteHit q) {
      QuoteHit.ArticleRef a = q.article();
      return new QuoteItem(q.id(), q.text(), q.snippet(), q.kind().label(), q.speaker(), q.role(), q.context(),
          new ArticleRef(a.id(), a.title(), a.source(), iso(a.date())), q.about(),
          q.reportedBy().stream().map(r -> new Report(r.article().id(), r.article().title(), r.article().source(),
              iso(r.article().date()))).toList());
    }
  }

  /** Another article reporting the same quotation. */
  record Report(String articleId, String title, String source, String date) {}

  /** The article a quote comes from. */
  record ArticleRef(String id, String title, String source, String date) {}

  /**
   * The facet sidebar: the library's facets with entity types as labels; {@code approximate} when the
   * counts were estimated from a sample of very many matches.
   */
  record Facets(List<FacetValue> source, List<FacetValue> speaker, List<EntityFacet> entity, List<FacetValue> date,
      List<FacetValue> year, boolean approximate) {
    static Facets of(org.steppe.search.Facets f) {
      return new Facets(f.source(), f.speaker(), f.entity().stream().map(EntityFacet::of).toList(), f.date(), f.year(),
          f.approximate());
    }
  }

  /** One entity value of the facet, with its type so the page can group or colour it. */
  record EntityFacet(String value, String type, long count) {
    static EntityFacet of(EntityFacetValue v) {
      return new EntityFacet(v.value(), v.type().label(), v.count());
    }
  }

  /** {@code GET /api/articles/{id}}: one article with entities and quotes as offsets into {@code body}. */
  record Article(String id, String file, String title, String source, String date, String author, String url, String body,
      List<ArticleEntityJson> entities, List<Quote> quotes) {
    static Article of(ArticleView a) {
      return new Article(a.id(), a.file(), a.title(), a.source(), iso(a.date()), a.author(), a.url(), a.body(),
          a.entities().stream().map(ArticleEntityJson::of).toList(), a.quotes().stream().map(Quote::of).toList());
    }
  }

  /** An entity of an article with where the body mentions it. */
  record ArticleEntityJson(String name, String type, List<Mention> mentions) {
    static ArticleEntityJson of(ArticleEntity e) {
      return new ArticleEntityJson(e.name(), e.type().label(), e.mentions());
    }
  }

  /** A quote of an article with its offsets into the body (-1 when outside it). */
  record Quote(String text, String kind, String speaker, String role, int start, int end, String context) {
    static Quote of(ArticleQuote q) {
      return new Quote(q.text(), q.kind().label(), q.speaker(), q.role(), q.start(), q.end(), q.context());
    }
  }

  /** {@code GET /api/suggest}. */
  record Suggestions(List<Suggestion> suggestions) {
    static Suggestions of(List<org.steppe.search.Suggestion> found) {
      return new Suggestions(found.stream().map(s -> new Suggestion(s.text(), s.kind().label())).toList());
    }
  }

  /** One suggestion: what to put in the search box and what it is. */
  record Suggestion(String text, String kind) {}
}
