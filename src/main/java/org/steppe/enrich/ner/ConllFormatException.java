package org.steppe.enrich.ner;

/** A CoNLL file that cannot be read, with the file and line at fault. */
public final class ConllFormatException extends RuntimeException {
  public ConllFormatException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
