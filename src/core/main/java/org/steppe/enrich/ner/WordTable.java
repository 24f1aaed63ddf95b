package org.steppe.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Words with a small non-negative number each (a word cluster, gazetteer types), looked up by the
 * word's 64-bit hash in an open-addressing table, so a lookup builds no string. Immutable and
 * thread-safe. The words themselves are kept, sorted, to write the table back out identically.
 */
final class WordTable {
  private final SortedMap<String, Integer> words;
  private final long[] keys;
  private final int[] values;
  private final int mask;

  /** A table of {@code words}, each looked up by {@code FeatureHashes.exact} of the word as given. */
  WordTable(Map<String, Integer> words) {
    this.words = new TreeMap<>(words);
    int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 + 1)) << 1;
    this.keys = new long[capacity];
    this.values = new int[capacity];
    java.util.Arrays.fill(values, -1);
    this.mask = capacity - 1;
    this.words.forEach((word, value) -> {
      if (value < 0) {
        throw new IllegalArgumentException("negative value for '" + word + "'");
      }
      long key = FeatureHashes.exact(word);
      int slot = (int) key & mask;
      while (values[slot] >= 0 && keys[slot] != key) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = value;
    });
  }

  static WordTable empty() {
    return new WordTable(Map.of());
  }

  /** The value of the word whose {@link FeatureHashes#exact} hash is {@code key}, or -1. */
  int get(long key) {
    int slot = (int) key & mask;
    while (true) {
      int v = values[slot];
      if (v < 0 || keys[slot] == key) {
        return v;
      }
      slot = (slot + 1) & mask;
    }
  }

  int size() {
    return words.size();
  }

  /** The words and their values, sorted by word. */
  SortedMap<String, Integer> words() {
    return java.util.Collections.unmodifiableSortedMap(words);
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(words.size());
    for (Map.Entry<String, Integer> e : words.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue());
    }
  }

  static WordTable read(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("corrupt word table: " + n + " words");
    }
    Map<String, Integer> words = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      words.put(in.readUTF(), in.readInt());
    }
    return new WordTable(words);
  }
}
