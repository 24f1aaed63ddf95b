package org.steppe.search;

/**
 * A configuration that cannot be used: a malformed file (named, with its line when known), a
 * missing configuration folder, or analysis settings that differ from those an index was built with.
 */
public final class ConfigurationException extends RuntimeException {
  /** The file at fault. */
  private final String file;
  /** The 1-based line at fault, or 0. */
  private final int line;

  /**
   * A configuration error.
   *
   * @param file the file at fault, as the user knows it (a path, or {@code built-in NAME})
   * @param line 1-based line number, or 0 when unknown
   * @param message what is wrong, with the file and line in front
   * @param cause what was caught, or {@code null}
   */
  public ConfigurationException(String file, int line, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.line = line;
  }

  /**
   * The file at fault.
   *
   * @return a path, or a name for a built-in file or one given in code
   */
  public String file() {
    return file;
  }

  /**
   * The line at fault.
   *
   * @return the 1-based line, or 0 when unknown
   */
  public int line() {
    return line;
  }
}
