package org.steppe.index;

/** Hears how far an indexing run has come; the CLI draws a progress bar from it. */
public interface IndexProgress {
  /** The run found {@code files} files to read. */
  default void started(int files) {}

  /** A file is about to be read, on the thread that reads and indexes it. */
  default void fileStarted(String file) {}

  /** One more file is done, on the thread that {@link #fileStarted started} it. */
  default void fileDone(String file) {}

  /** Nothing is reported. */
  IndexProgress NONE = new IndexProgress() {};
}
