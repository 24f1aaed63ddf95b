package org.steppe.search;

/** A query that cannot be parsed or run, with a message for the person who typed it. */
public final class QuerySyntaxException extends RuntimeException {
  /** Where in the query the problem is, 1-based, or 0. */
  private final int position;

  /**
   * A query that cannot be read.
   *
   * @param message what is wrong, for the person who typed the query
   * @param position 1-based character position of the problem in the query, or 0 when unknown
   */
  public QuerySyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /**
   * Where the problem is.
   *
   * @return the 1-based character position in the query, or 0 when unknown
   */
  public int position() {
    return position;
  }
}
