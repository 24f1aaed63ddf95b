package org.steppe.search;

import java.io.IOException;

/** Another writer (in this process or another) holds the index: only one may write it at a time. */
public final class IndexLockedException extends IOException {
  /**
   * A lock failure.
   *
   * @param index where the index is
   * @param cause the lock failure
   */
  public IndexLockedException(String index, Throwable cause) {
    super("the index at " + index + " is being written by another writer; wait for it to finish, or stop it", cause);
  }
}
