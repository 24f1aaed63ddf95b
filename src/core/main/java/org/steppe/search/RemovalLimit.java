package org.steppe.search;

/**
 * How much of an index one corpus sync may remove. A corpus that lost half its files at once is
 * more often an unmounted disk, a half-finished copy or a mistyped path than an editor's decision,
 * so a sync that would remove more than {@code maxShare} of the indexed articles stops before it
 * changes anything ({@link TooManyRemovalsException}) and asks to be run with the limit lifted.
 *
 * @param maxShare the largest share of the indexed articles one run may remove, from 0 to 1
 */
public record RemovalLimit(double maxShare) {
  /** At most half of the index: the default for every sync. */
  public static final RemovalLimit DEFAULT = new RemovalLimit(0.5);
  /** No limit: every article whose file is gone is removed ({@code --allow-mass-delete}). */
  public static final RemovalLimit NONE = new RemovalLimit(1.0);

  /** Checks that the share is between 0 and 1. */
  public RemovalLimit {
    if (!(maxShare >= 0 && maxShare <= 1)) {
      throw new IllegalArgumentException("the share of the index one run may remove must be between 0 and 1, not " + maxShare);
    }
  }

  /**
   * Whether a run may remove this many articles.
   *
   * @param removed the articles the run would remove
   * @param indexed the corpus articles the index holds
   * @return whether removing {@code removed} of {@code indexed} stays within the limit
   */
  public boolean allows(int removed, int indexed) {
    return removed <= maxShare * indexed;
  }
}
