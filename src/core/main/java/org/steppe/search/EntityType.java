package org.steppe.search;

import java.util.Locale;

/** The kinds of named entity Steppe tags. */
public enum EntityType {
  /** A person ("Nursultan Nazarbayev"). */
  PERSON,
  /** An organisation ("Eurasian Economic Union"). */
  ORGANIZATION,
  /** A place ("Kazakhstan"). */
  PLACE,
  /** Any other name: treaties, events, works. */
  MISC;

  /**
   * The name the HTTP API and the configuration use.
   *
   * @return the lower-case name ({@code "person"})
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The type with this label, case-insensitively.
   *
   * @param label {@code person}, {@code organization}, {@code place} or {@code misc}
   * @return the type
   * @throws IllegalArgumentException for any other text, naming the labels there are
   */
  public static EntityType parse(String label) {
    for (EntityType t : values()) {
      if (t.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown entity type '" + label + "': use person, organization, place or misc");
  }
}
