package org.steppe.opensearch;

import java.util.Map;

/**
 * The OpenSearch definition that does what one Lucene analysis factory does: its {@code type},
 * settings it always carries, and how each of the factory's parameters is named and written.
 *
 * @param type the OpenSearch tokenizer or token filter type, e.g. {@code stemmer}
 * @param fixed settings written as they are, e.g. {@code language: possessive_english}; a parameter
 *     given in {@code analysis.yaml} overrides a default of the same OpenSearch name
 * @param params the factory's parameters by their Lucene name
 */
record Counterpart(String type, Map<String, Object> fixed, Map<String, Param> params) {
  Counterpart {
    fixed = Map.copyOf(fixed);
    params = Map.copyOf(params);
  }

  static Counterpart of(String type) {
    return new Counterpart(type, Map.of(), Map.of());
  }

  static Counterpart of(String type, Map<String, Param> params) {
    return new Counterpart(type, Map.of(), params);
  }

  /** How a parameter's text in {@code analysis.yaml} becomes an OpenSearch setting. */
  enum Kind {
    /** Written as it is. */
    TEXT,
    /** "true"/"false". */
    BOOL,
    /** An integer. */
    INT,
    /** Lucene's 0/1 flags (word delimiter), written as a boolean. */
    FLAG,
    /** Word-list files (comma-separated names, one word a line, {@code #} comments), read and inlined. */
    WORDS,
    /** A single value written as a one-element list. */
    ONE_ELEMENT_LIST
  }

  /** One parameter: its OpenSearch name and how its value is written. */
  record Param(String name, Kind kind) {}
}
