package org.steppe.search;

/**
 * Hears how far an indexing run ({@link SteppeWriter#indexCorpus}) has come; the command line draws
 * a progress bar from it. Called from several indexing threads at once.
 */
public interface IndexProgress {
  /** The run found {@code files} files to read. */
  default void started(int files) {}

  /** One more file is done. */
  default void fileDone(String file) {}

  /** Nothing is reported; what a {@code null} progress means. */
  IndexProgress NONE = new IndexProgress() {};
}
