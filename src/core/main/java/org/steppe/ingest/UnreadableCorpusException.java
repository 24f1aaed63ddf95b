package org.steppe.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The corpus folder itself is missing, not a folder or cannot be listed. Such a corpus says
 * nothing about which articles are gone, so nothing is indexed or removed.
 */
public final class UnreadableCorpusException extends IOException {
  private final transient Path root;

  public UnreadableCorpusException(Path root, String problem, Throwable cause) {
    super(problem + "; nothing was indexed or removed", cause);
    this.root = root;
  }

  /** The corpus folder as it was given. */
  public Path root() {
    return root;
  }
}
