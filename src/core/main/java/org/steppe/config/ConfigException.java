package org.steppe.config;

import java.nio.file.Path;

/** A configuration file that cannot be used; names the file and, when known, the line. */
public final class ConfigException extends RuntimeException {
  private final String file;
  private final int line;

  /**
   * @param file the file's name or path as the user knows it
   * @param line 1-based line number, or 0 when unknown
   */
  public ConfigException(String file, int line, String message, Throwable cause) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
    this.file = file;
    this.line = line;
  }

  public ConfigException(String file, int line, String message) {
    this(file, line, message, null);
  }

  public static ConfigException of(Path file, int line, String message) {
    return new ConfigException(file.toString(), line, message);
  }

  /** The file at fault. */
  public String file() {
    return file;
  }

  /** The 1-based line at fault, or 0 when unknown. */
  public int line() {
    return line;
  }
}
