package org.steppe.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.steppe.index.Fields;

/**
 * Pseudo-relevance feedback for long questions (RM3): the words that the best first-pass articles
 * share are added to the query, weighted by how much of those articles they make up, so a question
 * worded unlike its answers still finds them ("aeroelastic models of heated aircraft" also finds
 * "thermal flutter of wings"). Short queries are left alone: a reader typing two names means them.
 * Thread-safe.
 */
final class Feedback {
  static int DOCS = Integer.getInteger("steppe.fb.docs", 10);
  static int TERMS = Integer.getInteger("steppe.fb.terms", 10);
  static float WEIGHT = Float.parseFloat(System.getProperty("steppe.fb.weight", "0.5"));
  static int MIN_WORDS = Integer.getInteger("steppe.fb.minWords", 5);
  static double MAX_DF = Double.parseDouble(System.getProperty("steppe.fb.maxDf", "0.1"));

  private final Analyzer indexAnalyzer;
  private final Set<String> stopTerms;

  /** @param stopWords words never added (as the index analyser spells them) */
  Feedback(Analyzer indexAnalyzer, CharArraySet stopWords) {
    this.indexAnalyzer = indexAnalyzer;
    Set<String> terms = new HashSet<>();
    for (Object w : stopWords) {
      terms.addAll(analyse(new String((char[]) w)).keySet());
    }
    this.stopTerms = Set.copyOf(terms);
  }

  /** Whether a query of {@code words} plain words gets feedback. */
  static boolean applies(int words) {
    return WEIGHT > 0 && DOCS > 0 && words >= MIN_WORDS;
  }

  /**
   * {@code text} plus the feedback words of the best {@link #DOCS} articles {@code firstPass}
   * finds, or {@code text} itself when they share nothing worth adding.
   *
   * @param fields the BM25F fields and weights a word is searched in
   * @param words how many words the query has: the added words together weigh as much as
   *     {@code WEIGHT / (1 - WEIGHT)} of them
   */
  Query expand(IndexSearcher searcher, Query firstPass, Query text, Map<String, Float> fields, int words) throws IOException {
    TopDocs top = searcher.search(firstPass, DOCS);
    if (top.scoreDocs.length == 0) {
      return text;
    }
    Set<String> asked = new HashSet<>();
    text.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term t : terms) {
          asked.add(t.text());
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    double total = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      total += sd.score;
    }
    StoredFields stored = searcher.getIndexReader().storedFields();
    Map<String, Double> weight = new HashMap<>();
    for (ScoreDoc sd : top.scoreDocs) {
      String body = stored.document(sd.doc).get(Fields.BODY);
      Map<String, Integer> tf = analyse(body == null ? "" : body);
      long length = tf.values().stream().mapToLong(Integer::longValue).sum();
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        weight.merge(e.getKey(), (sd.score / total) * e.getValue() / Math.max(1, length), Double::sum);
      }
    }
    IndexReader reader = searcher.getIndexReader();
    int maxDoc = Math.max(1, reader.numDocs());
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(weight.entrySet());
    ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    List<Map.Entry<String, Double>> chosen = new ArrayList<>();
    for (Map.Entry<String, Double> e : ranked) {
      String t = e.getKey();
      if (chosen.size() == TERMS) {
        break;
      }
      if (asked.contains(t) || stopTerms.contains(t) || t.length() < 3 || t.chars().allMatch(Character::isDigit)
          || (double) reader.docFreq(new Term(Fields.BODY, t)) / maxDoc > MAX_DF) {
        continue;
      }
      chosen.add(e);
    }
    if (chosen.isEmpty()) {
      return text;
    }
    double sum = chosen.stream().mapToDouble(Map.Entry::getValue).sum();
    float mass = words * WEIGHT / (1 - WEIGHT);
    BooleanQuery.Builder expansion = new BooleanQuery.Builder();
    for (Map.Entry<String, Double> e : chosen) {
      CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder(e.getKey());
      fields.forEach(b::addField);
      expansion.add(new BoostQuery(b.build(), (float) (mass * e.getValue() / sum)), BooleanClause.Occur.SHOULD);
    }
    return new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST).add(expansion.build(), BooleanClause.Occur.SHOULD).build();
  }

  /** The index's terms of a text and how often each occurs. */
  private Map<String, Integer> analyse(String text) {
    Map<String, Integer> tf = new HashMap<>();
    try (TokenStream ts = indexAnalyzer.tokenStream(Fields.BODY, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tf.merge(term.toString(), 1, Integer::sum);
      }
      ts.end();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a StringReader does not fail
    }
    return tf;
  }
}
