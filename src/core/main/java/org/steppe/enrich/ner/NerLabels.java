package org.steppe.enrich.ner;

import java.util.ArrayList;
import java.util.List;
import org.steppe.enrich.EntityType;

/**
 * The tagger's labels: {@code O} and, per entity type, {@code B-} (a name begins) and {@code I-}
 * (it goes on), with the rule that an {@code I-} label only follows its own type. Immutable.
 */
final class NerLabels {
  /** The entity types, in label order. */
  static final EntityType[] TYPES = EntityType.values();
  /** Number of labels: O, then B- and I- of each type. */
  static final int COUNT = 1 + 2 * TYPES.length;
  static final int OUTSIDE = 0;

  private NerLabels() {}

  static int begin(int type) {
    return 1 + 2 * type;
  }

  static int inside(int type) {
    return 2 + 2 * type;
  }

  /** The type index of a label, or -1 for {@code O}. */
  static int type(int label) {
    return label == OUTSIDE ? -1 : (label - 1) / 2;
  }

  static boolean isInside(int label) {
    return label != OUTSIDE && (label - 1) % 2 == 1;
  }

  /** Whether {@code label} may follow {@code previous} (-1: the sentence start). */
  static boolean allowed(int previous, int label) {
    return !isInside(label) || (previous >= 0 && type(previous) == type(label));
  }

  /** The type index of an {@link EntityType} label. */
  static int typeIndex(String typeLabel) {
    return EntityType.parse(typeLabel).ordinal();
  }

  /** The labels of a sentence of {@code length} tokens with {@code names}; later names win overlaps. */
  static void encode(NameSpan[] names, int length, int[] out) {
    java.util.Arrays.fill(out, 0, length, OUTSIDE);
    for (NameSpan n : names) {
      int t = typeIndex(n.type());
      out[n.start()] = begin(t);
      for (int i = n.start() + 1; i < n.end(); i++) {
        out[i] = inside(t);
      }
    }
  }

  /** The names of a sentence's labels: a name starts at B- (or a stray I-) and goes on over its I- labels. */
  static NameSpan[] decode(int[] labels, int length) {
    List<NameSpan> out = new ArrayList<>();
    int i = 0;
    while (i < length) {
      if (labels[i] == OUTSIDE) {
        i++;
        continue;
      }
      int t = type(labels[i]);
      int end = i + 1;
      while (end < length && labels[end] == inside(t)) {
        end++;
      }
      out.add(new NameSpan(i, end, TYPES[t].label()));
      i = end;
    }
    return out.toArray(NameSpan[]::new);
  }
}
