package org.steppe.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.steppe.index.Fields;
import org.steppe.index.QuoteShingles;

/**
 * One quote, many outlets: the other articles reporting a quote, found at search time by the
 * MinHash band keys it shares with them and confirmed on the words ({@link QuoteShingles}). Being
 * computed from the index as it is, it stays right through re-indexing and removals. Thread-safe.
 */
final class ReportedBy {
  /** Candidates read per quote: far more than a quotation is ever reprinted in an archive's sample. */
  static final int CANDIDATES = 100;
  private static final Set<String> FIELDS = Set.of(Fields.ID, Fields.QUOTE, Fields.SPEAKER, Fields.ARTICLE_ID,
      Fields.ARTICLE_TITLE, Fields.SOURCE, Fields.DATE);

  private ReportedBy() {}

  /** The other articles reporting the quote stored in {@code quote}, oldest first, each once. */
  static List<QuoteHit.Report> of(IndexSearcher searcher, Document quote) throws IOException {
    String text = quote.get(Fields.QUOTE);
    Query candidates = candidates(text, quote.get(Fields.ARTICLE_ID));
    if (candidates == null) {
      return List.of();
    }
    StoredFields stored = searcher.getIndexReader().storedFields();
    List<Function<String, String>> found = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(candidates, CANDIDATES).scoreDocs) {
      found.add(stored.document(sd.doc, FIELDS)::get);
    }
    return confirmed(text, quote.get(Fields.SPEAKER), found);
  }

  /**
   * The query for other articles' quotes that may repeat {@code text} (a band key in common), best
   * first; read its first {@link #CANDIDATES} hits. {@code null} when the text has no band keys.
   */
  static Query candidates(String text, String articleId) {
    List<String> bands = text == null ? List.of() : QuoteShingles.bandKeys(text);
    if (bands.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String band : bands) {
      any.add(new TermQuery(new Term(Fields.QUOTE_BANDS, band)), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder()
        .add(any.build(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_QUOTE)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.ARTICLE_ID, articleId)), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /**
   * The reports among the candidates (each a stored quote's fields by name, best first): the same
   * quotation confirmed on the words, one per article, oldest first.
   */
  static List<QuoteHit.Report> confirmed(String text, String speaker, List<Function<String, String>> candidates) {
    Map<String, QuoteHit.Report> byArticle = new LinkedHashMap<>();
    for (Function<String, String> other : candidates) {
      String otherArticle = other.apply(Fields.ARTICLE_ID);
      if (!byArticle.containsKey(otherArticle)
          && QuoteShingles.sameQuote(text, speaker, other.apply(Fields.QUOTE), other.apply(Fields.SPEAKER))) {
        String iso = other.apply(Fields.DATE);
        byArticle.put(otherArticle, new QuoteHit.Report(other.apply(Fields.ID), new QuoteHit.ArticleRef(otherArticle,
            other.apply(Fields.ARTICLE_TITLE), other.apply(Fields.SOURCE), iso == null ? null : LocalDate.parse(iso))));
      }
    }
    List<QuoteHit.Report> out = new ArrayList<>(byArticle.values());
    out.sort(Comparator.comparing((QuoteHit.Report r) -> r.article().date(), Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.article().id()));
    return out;
  }
}
