package org.steppe.search;

/**
 * Hears how far an indexing run ({@link SteppeWriter#indexCorpus}) has come; the command line draws
 * a progress bar from it. Called from several indexing threads at once.
 */
public interface IndexProgress {
  /**
   * The run found its files.
   *
   * @param files how many files it will read
   */
  default void started(int files) {}

  /**
   * A file is about to be read, on the thread that reads and indexes it.
   *
   * @param file the file's path
   */
  default void fileStarted(String file) {}

  /**
   * One more file is done, on the thread that {@linkplain #fileStarted started} it.
   *
   * @param file the file's path
   */
  default void fileDone(String file) {}

  /** Nothing is reported; what a {@code null} progress means. */
  IndexProgress NONE = new IndexProgress() {};
}
