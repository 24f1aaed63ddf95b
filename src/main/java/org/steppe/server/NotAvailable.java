package org.steppe.server;

/** A feature the library does not provide yet (it threw UnsupportedOperationException): becomes a 501. */
public final class NotAvailable extends RuntimeException {
  public NotAvailable(String message, Throwable cause) {
    super(message, cause);
  }
}
