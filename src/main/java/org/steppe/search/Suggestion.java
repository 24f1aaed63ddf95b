package org.steppe.search;

import java.util.Locale;

/**
 * An autocomplete suggestion.
 *
 * @param text what to put in the search box
 * @param kind what it is
 */
public record Suggestion(String text, Kind kind) {

  /** What a suggestion is: an entity of a type, a speaker, or an article's title. */
  public enum Kind {
    PERSON, ORGANIZATION, PLACE, MISC, SPEAKER, TITLE;

    /** The lower-case name the HTTP API uses ({@code "person"}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a name of this entity type. */
    public static Kind of(EntityType type) {
      return valueOf(type.name());
    }
  }
}
