package org.steppe.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Quote;
import org.steppe.index.Fields;
import org.steppe.index.QuoteAbout;
import org.steppe.index.QuoteShingles;
import org.steppe.index.StoredEnrichment;
import org.steppe.ingest.Article;
import org.steppe.ingest.Metadata;

/**
 * Turns an enriched article into the bulk actions that put it into the OpenSearch index: the same
 * documents, ids and values as {@code index.DocumentBuilder} writes to the embedded index.
 *
 * <p>Order matters because a bulk request is not atomic: the quotes are written first, then stale
 * quotes of a longer earlier version are deleted, and the article document, which carries the
 * fingerprint, comes last. A run interrupted half-way leaves the old fingerprint, so the next sync
 * writes the article again; every action is idempotent, so nothing is duplicated.
 */
public final class ArticleDocuments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleDocuments() {}

  /**
   * The actions for one article.
   *
   * @param fingerprint what decides later whether the article changed (stored on the article document)
   * @param previousQuotes how many quotes the indexed version had (0 for a new article): the ones
   *     beyond the new count are deleted
   */
  public static List<BulkAction> of(EnrichedArticle e, String fingerprint, int previousQuotes) {
    return of(e, fingerprint, previousQuotes, Fields.ORIGIN_CORPUS);
  }

  /**
   * The actions for one article, read from the corpus or put from code.
   *
   * @param origin {@link Fields#ORIGIN_CORPUS} or {@link Fields#ORIGIN_CODE}: a corpus sync never removes or replaces an article from code
   */
  public static List<BulkAction> of(EnrichedArticle e, String fingerprint, int previousQuotes, String origin) {
    Article a = e.article();
    Metadata m = a.metadata();
    List<BulkAction> actions = new ArrayList<>();
    List<Quote> quotes = e.quotes();
    for (int n = 0; n < quotes.size(); n++) {
      Quote q = quotes.get(n);
      ObjectNode qd = common(a, Fields.KIND_QUOTE, quoteId(a.id(), n));
      qd.put(Fields.QUOTE, q.text());
      qd.put(Fields.QUOTE_KIND, q.kind().label());
      putIfPresent(qd, Fields.ARTICLE_TITLE, m.title());
      if (q.speaker() != null) {
        qd.putArray(Fields.SPEAKER).add(q.speaker());
      }
      putIfPresent(qd, Fields.ROLE, q.role());
      putIfPresent(qd, Fields.CONTEXT, q.context());
      qd.put(Fields.QUOTE_START, q.start());
      qd.put(Fields.QUOTE_END, q.end());
      List<String> bands = QuoteShingles.bandKeys(q.text());
      if (!bands.isEmpty()) {
        qd.set(Fields.QUOTE_BANDS, JSON.valueToTree(bands));
      }
      List<String> about = QuoteAbout.names(e, q);
      if (!about.isEmpty()) {
        qd.set(Fields.ABOUT, JSON.valueToTree(about));
      }
      if (q.speakerMention() != null) {
        qd.put(Fields.SPEAKER_MENTION, q.speakerMention().text());
      }
      actions.add(BulkAction.index(quoteId(a.id(), n), a.id(), qd));
    }
    for (int n = quotes.size(); n < previousQuotes; n++) {
      actions.add(BulkAction.delete(quoteId(a.id(), n), a.id()));
    }

    ObjectNode doc = common(a, Fields.KIND_ARTICLE, a.id());
    doc.put(Fields.FINGERPRINT, fingerprint);
    doc.put(Fields.ORIGIN, origin);
    doc.put(Fields.FILE, a.file());
    putIfPresent(doc, Fields.TITLE, m.title());
    doc.put(Fields.BODY, a.body());
    putIfPresent(doc, Fields.AUTHOR, m.author());
    putIfPresent(doc, Fields.URL, m.url());
    Set<String> types = new LinkedHashSet<>();
    ArrayNode names = JSON.createArrayNode();
    ArrayNode typed = JSON.createArrayNode();
    for (Entity entity : e.entities()) {
      types.add(entity.type().label());
      names.add(entity.name());
      typed.add(entity.type().label() + "/" + entity.name());
    }
    if (!names.isEmpty()) {
      doc.set(Fields.ENTITY, names);
      doc.set(Fields.ENTITY_TYPED, typed);
      doc.set(Fields.ENTITY_TYPE, JSON.valueToTree(types));
    }
    Set<String> speakers = new LinkedHashSet<>();
    for (Quote q : quotes) {
      if (q.speaker() != null) {
        speakers.add(q.speaker());
      }
    }
    if (!speakers.isEmpty()) {
      doc.set(Fields.SPEAKER, JSON.valueToTree(speakers));
    }
    doc.put(Fields.ENRICHMENT, StoredEnrichment.of(e).toJson());
    doc.put(Fields.QUOTE_COUNT, quotes.size());
    actions.add(BulkAction.index(a.id(), a.id(), doc));
    return actions;
  }

  /** The actions that remove an article that had {@code quotes} quotes, quotes first. */
  public static List<BulkAction> delete(String articleId, int quotes) {
    List<BulkAction> actions = new ArrayList<>();
    for (int n = 0; n < quotes; n++) {
      actions.add(BulkAction.delete(quoteId(articleId, n), articleId));
    }
    actions.add(BulkAction.delete(articleId, articleId));
    return actions;
  }

  /** A quote's id, as in the embedded index. */
  static String quoteId(String articleId, int n) {
    return articleId + "#q" + n;
  }

  /** Fields every document has, article or quote: ids, source and date for filters and facets. */
  private static ObjectNode common(Article a, String kind, String id) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put(Fields.KIND, kind);
    doc.put(Fields.ID, id);
    doc.put(Fields.ARTICLE_ID, a.id());
    putIfPresent(doc, Fields.SOURCE, a.metadata().source());
    if (a.metadata().date() != null) {
      doc.put(Fields.DATE, a.metadata().date().toString());
    }
    return doc;
  }

  private static void putIfPresent(ObjectNode doc, String field, String value) {
    if (value != null) {
      doc.put(field, value);
    }
  }
}
