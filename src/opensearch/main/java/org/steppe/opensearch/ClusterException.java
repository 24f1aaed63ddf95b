package org.steppe.opensearch;

import java.io.IOException;

/**
 * The OpenSearch cluster could not do what Steppe asked: it cannot be reached, refused the
 * credentials, is not a version Steppe works with, holds no Steppe index by that name, or answered
 * with an error. The message says which, naming the cluster by its URLs (never its credentials).
 */
public final class ClusterException extends IOException {
  private final int status;
  private final boolean nodeMissing;

  ClusterException(String message, int status, Throwable cause) {
    this(message, status, false, cause);
  }

  /** @param nodeMissing the cluster answered that a node or shard copy it needed was gone (it retries others itself soon) */
  ClusterException(String message, int status, boolean nodeMissing, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.nodeMissing = nodeMissing;
  }

  /**
   * The HTTP status the cluster answered with; 0 when it did not answer at all.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /** Whether trying again later may work: no answer, or the cluster said it is busy or partly down. */
  boolean transientFailure() {
    return nodeMissing || status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
  }
}
