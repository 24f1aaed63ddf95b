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
    /** A person's name. */
    PERSON,
    /** An organisation's name. */
    ORGANIZATION,
    /** A place's name. */
    PLACE,
    /** Another name. */
    MISC,
    /** A speaker quoted. */
    SPEAKER,
    /** An article's title. */
    TITLE;

    /**
     * The name the HTTP API uses.
     *
     * @return the lower-case name ({@code "person"})
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of a name of this entity type.
     *
     * @param type an entity type
     * @return the kind with the same name
     */
    public static Kind of(EntityType type) {
      return valueOf(type.name());
    }
  }
}
