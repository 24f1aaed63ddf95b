package org.steppe.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the terms of an index depend on: the index-time analysis chain and the text of every file it
 * reads. Stored in each commit, so an index opened with other analysis is noticed instead of
 * silently matching nothing; query-time analysis and BM25 may change freely.
 *
 * @param chain the index chain as text ({@code standard | lowercase | porterStem}; character filters
 *     first, before a {@code >})
 * @param files the files the chain reads, each with a hash of its text
 */
public record AnalysisPin(String chain, Map<String, String> files) {
  /** Commit user-data keys. */
  static final String CHAIN_KEY = "analysis.index.chain";
  static final String FILES_KEY = "analysis.index.files";

  public AnalysisPin {
    files = Map.copyOf(files);
  }

  static AnalysisPin of(AnalysisConfig.Chain chain, Map<String, String> served) {
    List<String> charFilters = new ArrayList<>();
    for (Object filter : chain.charFilters()) {
      charFilters.add(describe(filter));
    }
    List<String> parts = new ArrayList<>(List.of(chain.tokenizer()));
    for (Object filter : chain.filters()) {
      parts.add(describe(filter));
    }
    Map<String, String> hashes = new TreeMap<>();
    served.forEach((file, text) -> hashes.put(file, hash(text)));
    String described = String.join(" | ", parts);
    return new AnalysisPin(charFilters.isEmpty() ? described : String.join(" | ", charFilters) + " > " + described, hashes);
  }

  /** {@code name(param=value, ...)}, or the name alone. */
  private static String describe(Object filter) {
    Map<String, Object> spec = new TreeMap<>(AnalysisConfig.asMap(filter));
    Object name = spec.remove("name");
    return spec.isEmpty() ? String.valueOf(name) : name + spec.toString().replace('{', '(').replace('}', ')');
  }

  /** The pin as commit user data. */
  Map<String, String> userData() {
    StringBuilder f = new StringBuilder();
    new TreeMap<>(files).forEach((name, h) -> f.append(f.isEmpty() ? "" : ";").append(name).append('=').append(h));
    return Map.of(CHAIN_KEY, chain, FILES_KEY, f.toString());
  }

  /** The pin a commit recorded, or empty for an index written before pins were recorded. */
  static Optional<AnalysisPin> fromUserData(Map<String, String> data) {
    String chain = data.get(CHAIN_KEY);
    if (chain == null) {
      return Optional.empty();
    }
    Map<String, String> files = new TreeMap<>();
    for (String entry : data.getOrDefault(FILES_KEY, "").split(";")) {
      int eq = entry.lastIndexOf('=');
      if (eq > 0) {
        files.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return Optional.of(new AnalysisPin(chain, files));
  }

  /**
   * What differs between the analysis an index was built with ({@code built}) and this one, in
   * words for the person who opened it; empty when they agree.
   */
  public Optional<String> differenceFrom(AnalysisPin built) {
    if (!chain.equals(built.chain)) {
      return Optional.of("the index was built with the analysis chain [" + built.chain + "], the configuration has ["
          + chain + "]");
    }
    List<String> changed = new ArrayList<>();
    for (String file : new java.util.TreeSet<>(files.keySet())) {
      if (!files.get(file).equals(built.files.get(file))) {
        changed.add(file);
      }
    }
    for (String file : built.files.keySet()) {
      if (!files.containsKey(file)) {
        changed.add(file);
      }
    }
    return changed.isEmpty() ? Optional.empty()
        : Optional.of("the file(s) " + String.join(", ", changed) + " read by the index analysis chain changed since the index was built");
  }

  private static String hash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
