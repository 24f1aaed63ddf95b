package org.steppe.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.steppe.index.Fields;
import org.steppe.index.StoredEnrichment;

/** Turns stored documents into the API's hits and views, with highlighted snippets. Thread-safe. */
final class StoredHits {
  private final Analyzer queryAnalyzer;

  StoredHits(Analyzer queryAnalyzer) {
    this.queryAnalyzer = queryAnalyzer;
  }

  /** The article hits of one page, snippets highlighted from {@code query}. */
  List<ArticleHit> articles(IndexSearcher searcher, TopDocs top, Query query) throws IOException {
    return articles(searcher, top, query, false).hits();
  }

  /**
   * The article hits of one page; with {@code groupSimilar}, each story that repeats a better-ranked
   * one on the page ({@link Repeats}) is left out of the hits and listed under it instead.
   */
  FacetedSearch.Page<ArticleHit> articles(IndexSearcher searcher, TopDocs top, Query query, boolean groupSimilar)
      throws IOException {
    StoredFields stored = searcher.getIndexReader().storedFields();
    Document[] all = new Document[top.scoreDocs.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = stored.document(top.scoreDocs[i].doc);
    }
    Map<Integer, Integer> repeatOf = groupSimilar ? Repeats.of(all) : Map.of();
    Map<String, List<SimilarStory>> similar = new java.util.LinkedHashMap<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < all.length; i++) {
      Integer leader = repeatOf.get(i);
      if (leader == null) {
        kept.add(i);
      } else {
        similar.computeIfAbsent(all[leader].get(Fields.ID), k -> new ArrayList<>())
            .add(new SimilarStory(all[i].get(Fields.ID), all[i].get(Fields.SOURCE), date(all[i])));
      }
    }
    ScoreDoc[] shown = kept.stream().map(i -> top.scoreDocs[i]).toArray(ScoreDoc[]::new);
    Document[] docs = kept.stream().map(i -> all[i]).toArray(Document[]::new);
    Page page = highlight(searcher, new TopDocs(top.totalHits, shown), docs, query, Fields.BODY);
    List<ArticleHit> out = new ArrayList<>();
    for (int i = 0; i < page.docs().length; i++) {
      Document d = page.docs()[i];
      StoredEnrichment e = StoredEnrichment.fromJson(d.get(Fields.ENRICHMENT));
      List<EntityRef> entities = e.entities().stream().map(x -> new EntityRef(x.name(), EntityType.parse(x.type()))).toList();
      out.add(new ArticleHit(d.get(Fields.ID), d.get(Fields.TITLE), d.get(Fields.SOURCE), date(d),
          d.get(Fields.AUTHOR), d.get(Fields.URL), shown[i].score, page.snippets()[i], entities));
    }
    return new FacetedSearch.Page<>(out, similar);
  }

  /** The quote hits of one page, each linked to its article. */
  List<QuoteHit> quotes(IndexSearcher searcher, TopDocs top, Query query) throws IOException {
    Page page = read(searcher, top, query, Fields.QUOTE);
    List<QuoteHit> out = new ArrayList<>();
    for (int i = 0; i < page.docs().length; i++) {
      Document d = page.docs()[i];
      String text = d.get(Fields.QUOTE);
      String snippet = page.snippets()[i];
      out.add(new QuoteHit(d.get(Fields.ID), text, snippet != null ? snippet : Snippets.escape(text),
          kind(d.get(Fields.QUOTE_KIND)), d.get(Fields.SPEAKER), d.get(Fields.ROLE), d.get(Fields.CONTEXT),
          new QuoteHit.ArticleRef(d.get(Fields.ARTICLE_ID), d.get(Fields.ARTICLE_TITLE), d.get(Fields.SOURCE), date(d)),
          top.scoreDocs[i].score, List.of(d.getValues(Fields.ABOUT)), d.get(Fields.SPEAKER_MENTION),
          ReportedBy.of(searcher, d)));
    }
    return out;
  }

  /** A page's stored documents and their snippets from {@code field}, parallel to the hits. */
  private record Page(Document[] docs, String[] snippets) {}

  /**
   * Reads each hit's stored document once and highlights {@code field} from it: the highlighter
   * would otherwise decompress every document a second time.
   */
  private Page read(IndexSearcher searcher, TopDocs top, Query query, String field) throws IOException {
    StoredFields stored = searcher.getIndexReader().storedFields();
    Document[] docs = new Document[top.scoreDocs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = stored.document(top.scoreDocs[i].doc);
    }
    return highlight(searcher, top, docs, query, field);
  }

  /** The page's documents with snippets of {@code field}, highlighted from the stored text. */
  private Page highlight(IndexSearcher searcher, TopDocs top, Document[] docs, Query query, String field) throws IOException {
    Map<Integer, String> texts = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      texts.put(top.scoreDocs[i].doc, java.util.Objects.requireNonNullElse(docs[i].get(field), ""));
    }
    return new Page(docs, Snippets.highlight(searcher, queryAnalyzer, field, query, top, texts));
  }

  /** The stored article with this id, or {@code null}. */
  static Document article(IndexSearcher searcher, String id) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
        .build();
    TopDocs top = searcher.search(q, 1);
    return top.scoreDocs.length == 0 ? null : searcher.getIndexReader().storedFields().document(top.scoreDocs[0].doc);
  }

  /** A stored article as the API shows it. */
  static ArticleView view(Document d) {
    return view(d::get);
  }

  /** An article as the API shows it, from its stored fields, wherever they are stored ({@code d}: field name to value). */
  static ArticleView view(java.util.function.Function<String, String> d) {
    StoredEnrichment e = StoredEnrichment.fromJson(d.apply(Fields.ENRICHMENT));
    List<ArticleEntity> entities = new ArrayList<>();
    for (StoredEnrichment.StoredEntity x : e.entities()) {
      entities.add(new ArticleEntity(x.name(), EntityType.parse(x.type()),
          x.mentions().stream().map(m -> new Mention(m.start(), m.end(), m.text())).toList()));
    }
    List<ArticleQuote> quotes = new ArrayList<>();
    for (StoredEnrichment.StoredQuote q : e.quotes()) {
      quotes.add(new ArticleQuote(q.text(), kind(q.kind()), q.speaker(), q.role(), q.start(), q.end(), q.context()));
    }
    String file = Fields.ORIGIN_CODE.equals(d.apply(Fields.ORIGIN)) ? null : d.apply(Fields.FILE);
    return new ArticleView(d.apply(Fields.ID), file, d.apply(Fields.TITLE), d.apply(Fields.SOURCE),
        date(d.apply(Fields.DATE)), d.apply(Fields.AUTHOR), d.apply(Fields.URL), d.apply(Fields.BODY), entities, quotes);
  }

  /** The stored ISO date, or {@code null} when undated. */
  private static LocalDate date(Document d) {
    return date(d.get(Fields.DATE));
  }

  private static LocalDate date(String iso) {
    return iso == null ? null : LocalDate.parse(iso);
  }

  /** A stored quote kind ({@code direct}) as the API's enum. */
  private static QuoteKind kind(String label) {
    return QuoteKind.valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
