package org.steppe.server;

/** A request the API refuses (bad parameter, malformed query): becomes a 400 with this message. */
public final class BadRequest extends RuntimeException {
  private final String error;

  /**
   * @param error a short machine-readable kind, e.g. {@code bad_parameter} or {@code query_syntax}
   * @param message what is wrong, for the person who sent it
   */
  public BadRequest(String error, String message) {
    super(message);
    this.error = error;
  }

  /** A bad query parameter. */
  static BadRequest parameter(String message) {
    return new BadRequest("bad_parameter", message);
  }

  /** The short machine-readable kind of error. */
  public String error() {
    return error;
  }
}
