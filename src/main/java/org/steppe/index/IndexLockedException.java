package org.steppe.index;

/** Another process (or writer) is already writing to the index. */
public final class IndexLockedException extends RuntimeException {
  public IndexLockedException(String indexDir, Throwable cause) {
    super("the index at " + indexDir + " is being written by another process (an `index` or `serve` run); "
        + "wait for it to finish, or stop it", cause);
  }
}
