package org.steppe.enrich;

import java.util.Locale;

/** How a statement is quoted. */
public enum QuoteKind {
  /** Words in quotation marks that make up a whole statement. */
  DIRECT,
  /** Words in quotation marks inside reported speech ("assured that Kazakhstan “explicitly stated …”"). */
  PARTIAL,
  /** Reported speech with no quotation marks ("He stressed that …"). */
  INDIRECT;

  /** The lower-case name used in the index and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static QuoteKind parse(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
