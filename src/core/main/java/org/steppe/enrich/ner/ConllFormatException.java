package org.steppe.enrich.ner;

/**
 * A CoNLL file that cannot be read, with the file and line at fault. An {@link
 * IllegalArgumentException}, since the input is at fault, so the command line reports it as a usage error.
 */
public final class ConllFormatException extends IllegalArgumentException {
  public ConllFormatException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
  }
}
