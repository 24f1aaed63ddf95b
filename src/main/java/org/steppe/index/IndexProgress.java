package org.steppe.index;

/** Hears how far an indexing run has come; the CLI draws a progress bar from it. */
public interface IndexProgress {
  /** The run found {@code files} files to read. */
  default void started(int files) {}

  /** One more file is done. */
  default void fileDone(String file) {}

  /** Nothing is reported. */
  IndexProgress NONE = new IndexProgress() {};
}
