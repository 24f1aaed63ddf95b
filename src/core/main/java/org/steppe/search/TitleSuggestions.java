package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.steppe.index.AnalyzedWords;
import org.steppe.index.Fields;

/**
 * Autocomplete over article titles, asked of the live index: every typed word must be in the
 * title, the last one as a prefix. Nothing is built or cached, so titles are current at once and a
 * large archive costs nothing until someone types.
 */
final class TitleSuggestions {
  private final Analyzer indexAnalyzer;
  private final Analyzer plain;

  /**
   * @param indexAnalyzer the title field's chain, to reach the stems complete words are indexed under
   * @param plain lower-cases and folds without stemming, for the unfinished last word
   */
  TitleSuggestions(Analyzer indexAnalyzer, Analyzer plain) {
    this.indexAnalyzer = indexAnalyzer;
    this.plain = plain;
  }

  /** Up to {@code limit} titles, best match first, each once. */
  List<Suggestion> titles(IndexSearcher searcher, String prefix, int limit) throws IOException {
    Query q = query(prefix);
    if (q == null || limit == 0) {
      return List.of();
    }
    // Best match first, then by id: titles of equal score come in one order, whatever the engine or the order articles were indexed in.
    Sort order = new Sort(SortField.FIELD_SCORE, KeywordField.newSortField(Fields.ID, false, SortedSetSelector.Type.MIN));
    ScoreDoc[] top = searcher.search(q, limit * 2, order, false).scoreDocs;
    StoredFields stored = searcher.getIndexReader().storedFields();
    List<String> found = new ArrayList<>();
    for (ScoreDoc sd : top) {
      found.add(stored.document(sd.doc, Set.of(Fields.TITLE)).get(Fields.TITLE));
    }
    return distinct(found, limit);
  }

  /**
   * The query for articles whose titles complete {@code prefix}, best first, for any engine to
   * run; {@code null} when the typed words restrict nothing.
   */
  Query query(String prefix) throws IOException {
    List<String> words = tokens(plain, prefix);
    if (words.isEmpty()) {
      return null;
    }
    boolean lastComplete = Character.isWhitespace(prefix.charAt(prefix.length() - 1));
    BooleanQuery.Builder q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), BooleanClause.Occur.FILTER);
    int required = 0;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (String stem : tokens(indexAnalyzer, word)) {
        any.add(new TermQuery(new Term(Fields.TITLE, stem)), BooleanClause.Occur.SHOULD);
      }
      if (i == words.size() - 1 && !lastComplete) {
        // Titles are stemmed: an unfinished word is a prefix of the stem ("eura" of "eurasian") far
        // more often than not; its own stem covers a word typed in full ("policy" is indexed "polici").
        any.add(new PrefixQuery(new Term(Fields.TITLE, word)), BooleanClause.Occur.SHOULD);
      }
      BooleanQuery anyForm = any.build();
      if (anyForm.clauses().isEmpty()) {
        continue; // a word the chain drops entirely restricts nothing
      }
      q.add(anyForm, BooleanClause.Occur.MUST);
      required++;
    }
    return required == 0 ? null : q.build(); // the filter alone would offer every title
  }

  /** The first {@code limit} different titles of the hits, in order, as suggestions. */
  static List<Suggestion> distinct(List<String> hitTitles, int limit) {
    Set<String> titles = new LinkedHashSet<>();
    for (String title : hitTitles) {
      if (title != null) {
        titles.add(title);
      }
      if (titles.size() == limit) {
        break;
      }
    }
    List<Suggestion> out = new ArrayList<>();
    titles.forEach(t -> out.add(new Suggestion(t, Suggestion.Kind.TITLE)));
    return out;
  }
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    return AnalyzedWords.of(analyzer, Fields.TITLE, text);
  }
}
