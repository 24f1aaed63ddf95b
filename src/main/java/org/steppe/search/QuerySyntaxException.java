package org.steppe.search;

/** A query that cannot be parsed or run, with a message for the person who typed it. */
public final class QuerySyntaxException extends RuntimeException {
  private final int position;

  /**
   * @param position 1-based character position of the problem in the query, or 0 when unknown
   */
  public QuerySyntaxException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** 1-based character position of the problem, or 0 when unknown. */
  public int position() {
    return position;
  }
}
