package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.steppe.index.Fields;
import org.steppe.index.StoredEnrichment;

/**
 * More-like-this: a query for the articles that share an article's most telling words, title words
 * and entities, weighted field by field as searches weigh them, never matching the article itself.
 */
final class SimilarArticles {
  /** The same field weights as a typed query: a shared entity counts twice a shared body word. */
  static final Map<String, Float> FIELD_WEIGHTS = Map.of(Fields.TITLE, 3f, Fields.BODY, 1f, Fields.ENTITY_EXACT, 2f);
  /** The most telling body words kept; MoreLikeThis's default. */
  static final int BODY_TERMS = 25;

  private final Analyzer analyzer;
  private final Set<String> stopTerms;

  /**
   * @param indexAnalyzer the chain the fields were indexed with
   * @param stopWords words never worth matching on ({@code stopwords.txt}); empty: Lucene's English list
   */
  SimilarArticles(Analyzer indexAnalyzer, List<String> stopWords) {
    this.analyzer = indexAnalyzer;
    this.stopTerms = stopTerms(indexAnalyzer, stopWords);
  }

  /**
   * The stop words as the index chain writes them ("this" is indexed "thi"): MoreLikeThis ranks a
   * document's words by how often it uses them, which would otherwise put "the", "our" and
   * "would" at the top of every article's list.
   */
  static Set<String> stopTerms(Analyzer analyzer, List<String> stopWords) {
    List<String> words = new ArrayList<>(stopWords);
    if (words.isEmpty()) {
      EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> words.add(w instanceof char[] c ? new String(c) : w.toString()));
    }
    Set<String> out = new HashSet<>();
    for (String word : words) {
      try (TokenStream ts = analyzer.tokenStream(Fields.BODY, word)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          out.add(term.toString());
        }
        ts.end();
      } catch (IOException e) {
        throw new IllegalStateException("cannot analyse the stop word " + word, e);
      }
    }
    return Set.copyOf(out);
  }

  /** The query for articles like the stored article {@code article}. */
  Query likeThis(IndexReader reader, Document article) throws IOException {
    StoredEnrichment enrichment = StoredEnrichment.fromJson(article.get(Fields.ENRICHMENT));
    // The publication an article credits ("…, Tengrinews reports") says who wrote it, not what it is about.
    String source = article.get(Fields.SOURCE);
    List<Object> entities = enrichment.entities().stream().map(e -> (Object) e.name())
        .filter(name -> !name.equals(source)).toList();
    Map<String, Collection<Object>> values = Map.of(
        Fields.TITLE, article.get(Fields.TITLE) == null ? List.of() : List.of(article.get(Fields.TITLE)),
        Fields.BODY, List.of(article.get(Fields.BODY)),
        // Entities as whole canonical names (one keyword term each), so sharing "Kremlin" counts once
        // rather than as the words of every name; they are not stored, so they come from the enrichment.
        Fields.ENTITY_EXACT, entities);

    BooleanQuery.Builder shared = new BooleanQuery.Builder();
    int parts = 0;
    for (Map.Entry<String, Float> field : FIELD_WEIGHTS.entrySet()) {
      Query part = moreLikeThis(reader, field.getKey()).like(values);
      if (part instanceof BooleanQuery bq && !bq.clauses().isEmpty()) {
        shared.add(new BoostQuery(part, field.getValue()), BooleanClause.Occur.SHOULD);
        parts++;
      }
    }
    if (parts == 0) {
      return new MatchNoDocsQuery(); // nothing it shares with another article
    }
    // MUST: beside a FILTER clause, SHOULD clauses alone would be optional and match every article.
    return new BooleanQuery.Builder()
        .add(shared.build(), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.ID, article.get(Fields.ID))), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  private MoreLikeThis moreLikeThis(IndexReader reader, String field) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {field});
    // A title word or an entity occurs once per article, so one occurrence must be enough to count
    // (the default of 2 suits only long bodies, and would drop short articles' words too).
    mlt.setMinTermFreq(1);
    // A term must be in at least one other article to find it; the default of 5 would silence a small archive.
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(BODY_TERMS);
    mlt.setStopWords(stopTerms);
    mlt.setBoost(true); // rarer, more repeated terms weigh more within a field
    return mlt;
  }
}
