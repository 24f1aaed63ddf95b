package org.steppe.opensearch;

import java.io.IOException;
import java.util.List;

/** OpenSearch refused documents for good, or kept refusing them past the retry budget; nothing was skipped silently. */
public final class BulkException extends IOException {
  private final List<String> documents;

  BulkException(String message, List<String> documents) {
    super(message);
    this.documents = List.copyOf(documents);
  }

  /** Each refused document as "id: error type (reason)"; empty when the whole request was refused. */
  public List<String> documents() {
    return documents;
  }
}
