package org.steppe.enrich;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of named entity Steppe tags. */
public enum EntityType {
  PERSON, ORGANIZATION, PLACE, MISC;

  /** The lower-case name used in configuration, the index and JSON ({@code "person"}). */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, accepting common synonyms ({@code org}, {@code location}, {@code loc}, {@code per}). */
  @JsonCreator
  public static EntityType parse(String label) {
    String l = label.strip().toLowerCase(Locale.ROOT);
    return switch (l) {
      case "person", "per", "people" -> PERSON;
      case "organization", "organisation", "org" -> ORGANIZATION;
      case "place", "location", "loc", "gpe" -> PLACE;
      case "misc", "other", "event", "work" -> MISC;
      default -> throw new IllegalArgumentException(
          "unknown entity type '" + label + "' (use person, organization, place or misc)");
    };
  }
}
