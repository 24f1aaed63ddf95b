package org.steppe.search;

import java.io.IOException;

/**
 * A corpus sync stopped before changing anything because it would have removed more of the index
 * than its {@link RemovalLimit} allows.
 */
public final class TooManyRemovalsException extends IOException {
  /** How many articles the run would have removed. */
  private final int removed;
  /** How many corpus articles the index held. */
  private final int indexed;

  TooManyRemovalsException(int removed, int indexed, RemovalLimit limit, String corpus) {
    super(String.format(java.util.Locale.ROOT, "this run would remove %d of the %d articles in the index (%d %%; at most %d %% may go "
            + "in one run) because their files are gone from %s or no longer hold them. Nothing was changed. If the files were removed on purpose, "
            + "run again with --allow-mass-delete (RemovalLimit.NONE from code)",
        removed, indexed, Math.round(100.0 * removed / indexed), Math.round(100 * limit.maxShare()), corpus));
    this.removed = removed;
    this.indexed = indexed;
  }

  /**
   * How many articles the run would have removed.
   *
   * @return the count
   */
  public int removed() {
    return removed;
  }

  /**
   * How many articles from the corpus the index held.
   *
   * @return the count
   */
  public int indexed() {
    return indexed;
  }
}
