package org.steppe.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The analysis part of an OpenSearch index's settings, made from {@code analysis.yaml} by
 * {@link AnalysisTranslator}.
 *
 * @param analysis the {@code index.analysis} object: tokenizers, filters and the two analyzers
 * @param limits index settings the chains need raised (e.g. {@code index.max_ngram_diff}); empty for most chains
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 */
public record OpenSearchAnalysis(ObjectNode analysis, Map<String, Integer> limits, float k1, float b) {
  public OpenSearchAnalysis {
    limits = Map.copyOf(limits);
  }
}
