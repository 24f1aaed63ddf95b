package org.steppe.search;

/**
 * An autocomplete suggestion.
 *
 * @param text what to put in the search box
 * @param kind what it is: {@code person}, {@code organization}, {@code place}, {@code misc},
 *     {@code speaker} or {@code title}
 */
public record Suggestion(String text, String kind) {}
