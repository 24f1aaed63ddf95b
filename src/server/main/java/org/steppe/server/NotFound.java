package org.steppe.server;

/** Nothing has the id asked for: becomes a 404 with this message. */
public final class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
