package org.steppe.enrich;

/**
 * One mention of a named entity, as a recogniser reports it.
 *
 * @param name the canonical name ("Nursultan Nazarbayev" for the mention "Nazarbaev"); a
 *     recogniser that knows no canonical form reports the mention's own words
 * @param type what kind of entity it is
 * @param start offset of the first character in the article's text
 * @param end offset after the last character
 * @param text the words as written
 * @param origin which recogniser found it ({@code gazetteer}, {@code rules}, {@code model}, or
 *     {@code unlinked} for an ambiguous gazetteer spelling left unlinked): when mentions overlap,
 *     the gazetteer's wins
 */
public record EntityMention(String name, EntityType type, int start, int end, String text, String origin) {
  public static final String GAZETTEER = "gazetteer";
  public static final String RULES = "rules";
  public static final String MODEL = "model";
  /**
   * A gazetteer spelling marked ambiguous whose context did not link it ("Senate" in an article with
   * no Kazakhstan near it): a plain mention under its own words, ranked like the model's.
   */
  public static final String UNLINKED = "unlinked";

  /** Whether this mention shares a character with {@code other}. */
  public boolean overlaps(EntityMention other) {
    return start < other.end && other.start < end;
  }

  public int length() {
    return end - start;
  }

  /** The same mention under another canonical name and type. */
  public EntityMention renamed(String canonical, EntityType newType) {
    return new EntityMention(canonical, newType, start, end, text, origin);
  }
}
