package org.steppe.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import org.steppe.index.Fields;
import org.steppe.index.StoredEnrichment;
import org.steppe.search.ArticleHit;
import org.steppe.search.ArticleView;
import org.steppe.engine.EngineSupport;
import org.steppe.search.EntityRef;
import org.steppe.search.EntityType;
import org.steppe.search.QuoteHit;
import org.steppe.search.QuoteKind;
import org.steppe.search.SimilarStory;

/** Turns the hits of an OpenSearch answer into the API's hits and views, as the embedded engine words them. */
final class ClusterHits {
  /** What an article hit reads from {@code _source}: what it shows, and the text fields its snippet is highlighted from. */
  static final List<String> ARTICLE_SOURCE = List.of(Fields.ID, Fields.KIND, Fields.TITLE, Fields.SOURCE, Fields.DATE, Fields.AUTHOR,
      Fields.URL, Fields.ENRICHMENT, Fields.BODY, Fields.ENTITY, Fields.SPEAKER);
  /** What a quote hit reads from {@code _source}. */
  static final List<String> QUOTE_SOURCE = List.of(Fields.ID, Fields.KIND, Fields.ABOUT, Fields.SPEAKER_MENTION, Fields.QUOTE, Fields.QUOTE_KIND, Fields.SPEAKER, Fields.ROLE,
      Fields.CONTEXT, Fields.ARTICLE_ID, Fields.ARTICLE_TITLE, Fields.SOURCE, Fields.DATE);
  /** The fields a query may search (the text fields, and kind and id for its filters): what a snippet's matches are found in. */
  private static final List<String> TEXT_FIELDS = List.of(Fields.KIND, Fields.ID, Fields.TITLE, Fields.BODY, Fields.SOURCE, Fields.ENTITY, Fields.SPEAKER,
      Fields.AUTHOR, Fields.QUOTE, Fields.ROLE, Fields.CONTEXT);

  private ClusterHits() {}

  /** The article hits of an answer, with one snippet per hit. */
  static List<ArticleHit> articles(JsonNode hits, String[] snippets) {
    List<ArticleHit> out = new ArrayList<>();
    int i = 0;
    for (JsonNode h : hits) {
      Function<String, String> d = stored(h.path("_source"));
      StoredEnrichment e = StoredEnrichment.fromJson(d.apply(Fields.ENRICHMENT));
      List<EntityRef> entities = e.entities().stream().map(x -> new EntityRef(x.name(), EntityType.parse(x.type()))).toList();
      out.add(new ArticleHit(d.apply(Fields.ID), d.apply(Fields.TITLE), d.apply(Fields.SOURCE), date(d.apply(Fields.DATE)),
          d.apply(Fields.AUTHOR), d.apply(Fields.URL), score(h), snippets[i++], entities));
    }
    return out;
  }

  /** Finds the other articles reporting a quote, from its {@code _source}. */
  @FunctionalInterface
  interface Reports {
    List<QuoteHit.Report> of(JsonNode quote) throws java.io.IOException;
  }

  /** The quote hits of an answer, with one snippet per hit and the articles reporting each. */
  static List<QuoteHit> quotes(JsonNode hits, String[] snippets, Reports reports) throws java.io.IOException {
    List<QuoteHit> out = new ArrayList<>();
    int i = 0;
    for (JsonNode h : hits) {
      List<String> about = new ArrayList<>();
      h.path("_source").path(Fields.ABOUT).forEach(a -> about.add(a.asText()));
      Function<String, String> d = stored(h.path("_source"));
      String text = d.apply(Fields.QUOTE);
      String snippet = snippets[i++];
      out.add(new QuoteHit(d.apply(Fields.ID), text, snippet != null ? snippet : EngineSupport.escape(text),
          QuoteKind.valueOf(d.apply(Fields.QUOTE_KIND).toUpperCase(Locale.ROOT)), d.apply(Fields.SPEAKER), d.apply(Fields.ROLE),
          d.apply(Fields.CONTEXT), new QuoteHit.ArticleRef(d.apply(Fields.ARTICLE_ID), d.apply(Fields.ARTICLE_TITLE),
          d.apply(Fields.SOURCE), date(d.apply(Fields.DATE))), score(h), about, d.apply(Fields.SPEAKER_MENTION),
          reports.of(h.path("_source"))));
    }
    return out;
  }

  /** A page of article hits with its repeats folded: the hits shown, and under each the stories that repeat it. */
  record Grouped(JsonNode leaders, Map<String, List<SimilarStory>> similar) {}

  /** Folds the repeats of a page of article hits under the better-ranked story they repeat, as the embedded engine does. */
  static Grouped grouped(JsonNode hits) {
    List<Function<String, String>> stored = new ArrayList<>();
    hits.forEach(h -> stored.add(stored(h.path("_source"))));
    Map<Integer, Integer> repeatOf = EngineSupport.repeats(stored);
    ArrayNode leaders = Cluster.JSON.createArrayNode();
    Map<String, List<SimilarStory>> similar = new LinkedHashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      Integer leader = repeatOf.get(i);
      if (leader == null) {
        leaders.add(hits.get(i));
      } else {
        Function<String, String> d = stored.get(i);
        similar.computeIfAbsent(stored.get(leader).apply(Fields.ID), k -> new ArrayList<>())
            .add(new SimilarStory(d.apply(Fields.ID), d.apply(Fields.SOURCE), date(d.apply(Fields.DATE))));
      }
    }
    return new Grouped(leaders, similar);
  }

  /** Each hit's text fields, every value of each, for highlighting. */
  static List<Map<String, List<String>>> texts(JsonNode hits) {
    List<Map<String, List<String>>> out = new ArrayList<>();
    for (JsonNode h : hits) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      for (String f : TEXT_FIELDS) {
        JsonNode v = h.path("_source").path(f);
        List<String> values = new ArrayList<>();
        if (v.isArray()) {
          v.forEach(x -> values.add(x.asText()));
        } else if (v.isValueNode() && !v.isNull()) {
          values.add(v.asText());
        }
        if (!values.isEmpty()) {
          fields.put(f, values);
        }
      }
      out.add(fields);
    }
    return out;
  }

  /** An article document's {@code _source} as the API's article view. */
  static ArticleView view(JsonNode source) {
    return EngineSupport.view(stored(source));
  }

  /**
   * A document's fields as the embedded index stores them: one string per field, the first value
   * of a field with several (an article's speakers), {@code null} when absent.
   */
  static Function<String, String> stored(JsonNode source) {
    return field -> {
      JsonNode v = source.path(field);
      if (v.isArray()) {
        v = v.path(0);
      }
      return v.isMissingNode() || v.isNull() ? null : v.asText();
    };
  }

  /** The relevance score, NaN when sorted by date (as the embedded engine reports it). */
  private static float score(JsonNode hit) {
    JsonNode s = hit.path("_score");
    return s.isNumber() ? s.floatValue() : Float.NaN;
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }
}
