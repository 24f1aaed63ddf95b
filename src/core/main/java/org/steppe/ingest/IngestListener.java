package org.steppe.ingest;

/** Hears about files that could not be read as they were; the reader carries on regardless. */
public interface IngestListener {

  /** A file (or part of one) was skipped; {@code reason} says why in words a user understands. */
  void skipped(String file, String reason);

  /** A file was read, but with a caveat (e.g. decoded as Windows-1252). */
  default void warning(String file, String message) {}

  /** A listener that ignores everything. */
  IngestListener SILENT = (file, reason) -> {};
}
