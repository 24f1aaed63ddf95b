package org.steppe.enrich.quote;

/**
 * A stretch of text between quotation marks, as {@link QuoteScanner} finds it.
 *
 * @param open offset of the opening mark
 * @param start offset of the first quoted character
 * @param end offset after the last quoted character
 * @param close offset after the closing mark, or {@code end} when the quote runs to its paragraph's end unclosed
 * @param closed whether a closing mark was found
 * @param paragraphs how many paragraphs the quote runs over (a multi-paragraph quote repeats its opening mark)
 * @param single whether it opens with a single quotation mark (‘…’), which apostrophes make less certain
 */
record QuoteSpan(int open, int start, int end, int close, boolean closed, int paragraphs, boolean single) {
  /** Whether {@code offset} falls inside the marks. */
  boolean contains(int offset) {
    return offset >= open && offset < close;
  }
}
