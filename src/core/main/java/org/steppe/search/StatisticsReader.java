package org.steppe.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.CompositeReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;

/**
 * An index reader that holds no documents, only another engine's statistics: how many documents
 * have each of some fields and the document frequencies of some terms, so that Lucene code which weighs terms by them
 * (more-like-this) makes the same query over another engine's index as over the embedded one.
 * It records every field and term it was asked about, for a first pass that learns which counts to fetch.
 */
final class StatisticsReader extends CompositeReader {
  private final Map<String, Integer> docCounts;
  private final Map<Term, Integer> docFreqs;
  private final int documents;
  private final Set<String> askedFields = ConcurrentHashMap.newKeySet();
  private final Set<Term> askedTerms = ConcurrentHashMap.newKeySet();

  /**
   * @param docCounts how many documents have each field; a field not given has none
   * @param docFreqs how many documents hold each term; a term not given holds none
   */
  StatisticsReader(Map<String, Integer> docCounts, Map<Term, Integer> docFreqs) {
    this.docCounts = Map.copyOf(docCounts);
    this.docFreqs = Map.copyOf(docFreqs);
    this.documents = docCounts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** The fields whose document count was asked for so far. */
  Set<String> askedFields() {
    return Set.copyOf(askedFields);
  }

  /** The terms whose document frequency was asked for so far. */
  Set<Term> askedTerms() {
    return Set.copyOf(askedTerms);
  }

  @Override
  public int getDocCount(String field) {
    askedFields.add(field);
    return docCounts.getOrDefault(field, 0);
  }

  @Override
  public int docFreq(Term term) {
    askedTerms.add(term);
    return docFreqs.getOrDefault(term, 0);
  }

  @Override
  public int numDocs() {
    return documents;
  }

  @Override
  public int maxDoc() {
    return documents;
  }

  @Override
  protected List<? extends IndexReader> getSequentialSubReaders() {
    return List.of();
  }

  @Override
  public TermVectors termVectors() {
    throw new UnsupportedOperationException("statistics only");
  }

  @Override
  public StoredFields storedFields() {
    throw new UnsupportedOperationException("statistics only");
  }

  @Override
  public long totalTermFreq(Term term) {
    throw new UnsupportedOperationException("statistics only");
  }

  @Override
  public long getSumDocFreq(String field) {
    throw new UnsupportedOperationException("statistics only");
  }

  @Override
  public long getSumTotalTermFreq(String field) {
    throw new UnsupportedOperationException("statistics only");
  }

  @Override
  public CacheHelper getReaderCacheHelper() {
    return null;
  }

  @Override
  protected void doClose() {}
}
