package org.steppe.enrich.ner;

import java.util.Arrays;

/**
 * What one document says about its words, for the tagger's document features: whether a word
 * also appears in lower case, capitalised inside a sentence or in capitals, the coarse clusters of
 * the words around it wherever it occurs, and which labels the tagger gave it earlier in the
 * document (later mentions are often shortened or in a headline's capitals). Keyed by the lower-case word hash; cleared per document without reallocating
 * unless a document has more distinct words than any before. One thread.
 */
final class DocumentMemory {
  static final int LOWER = 1;
  static final int CAPITALISED_INSIDE = 2;
  static final int ALL_CAPS = 4;

  private long[] keys = new long[1024];
  private int[] flags = new int[1024];
  private int[] labels = new int[1024];
  private long[] before = new long[1024];
  private long[] after = new long[1024];
  private boolean[] used = new boolean[1024];
  private int size;

  /** Forgets everything, ready for a document of about {@code tokens} tokens. */
  void clear(int tokens) {
    int wanted = Integer.highestOneBit(Math.max(1024, tokens * 2)) << 1;
    if (wanted > keys.length) {
      keys = new long[wanted];
      flags = new int[wanted];
      labels = new int[wanted];
      before = new long[wanted];
      after = new long[wanted];
      used = new boolean[wanted];
    } else if (size > 0) {
      Arrays.fill(used, false);
    }
    size = 0;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int slot = (int) key & mask;
    while (used[slot] && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    if (!used[slot]) {
      if ((size + 1) * 2 > keys.length) {
        grow();
        return slot(key);
      }
      used[slot] = true;
      keys[slot] = key;
      flags[slot] = 0;
      labels[slot] = 0;
      before[slot] = 0;
      after[slot] = 0;
      size++;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldFlags = flags;
    int[] oldLabels = labels;
    long[] oldBefore = before;
    long[] oldAfter = after;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    flags = new int[keys.length];
    labels = new int[keys.length];
    before = new long[keys.length];
    after = new long[keys.length];
    used = new boolean[keys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        int s = slot(oldKeys[i]);
        flags[s] = oldFlags[i];
        labels[s] = oldLabels[i];
        before[s] = oldBefore[i];
        after[s] = oldAfter[i];
      }
    }
  }

  /** Notes how a word is written: {@code flag} is {@link #LOWER}, {@link #CAPITALISED_INSIDE} or {@link #ALL_CAPS}. */
  void see(long key, int flag) {
    flags[slot(key)] |= flag;
  }

  /** The flags seen for a word, 0 if none. */
  int flags(long key) {
    return flags[slot(key)];
  }

  /**
   * Notes the coarse clusters (0 to 63) of the words around one occurrence of a word, -1 for none:
   * across the document they say how the word is used wherever it occurs ("Mr. X", "X said").
   */
  void context(long key, int left, int right) {
    int slot = slot(key);
    if (left >= 0) {
      before[slot] |= 1L << left;
    }
    if (right >= 0) {
      after[slot] |= 1L << right;
    }
  }

  /** The coarse clusters seen before the word anywhere in the document, one bit each. */
  long before(long key) {
    return before[slot(key)];
  }

  /** The coarse clusters seen after the word anywhere in the document, one bit each. */
  long after(long key) {
    return after[slot(key)];
  }

  /** Notes that the tagger gave a word {@code label} (not O). */
  void tagged(long key, int label) {
    labels[slot(key)] |= 1 << (label - 1);
  }

  /** The set of labels given to a word earlier in the document, one bit per label (bit 0 is the first label after O). */
  int labels(long key) {
    return labels[slot(key)];
  }
}
