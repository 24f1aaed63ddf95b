package org.steppe.search;

import java.util.Locale;

/** How a statement is quoted. */
public enum QuoteKind {
  /** Words in quotation marks that make up a whole statement. */
  DIRECT,
  /** Words in quotation marks inside reported speech ("assured that Kazakhstan “explicitly stated …”"). */
  PARTIAL,
  /** Reported speech with no quotation marks ("He stressed that …"). */
  INDIRECT;

  /**
   * The name the HTTP API uses.
   *
   * @return the lower-case name ({@code "direct"})
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
