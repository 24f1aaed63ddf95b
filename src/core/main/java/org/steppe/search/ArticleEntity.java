package org.steppe.search;

import java.util.List;

/**
 * An entity an article mentions, under its canonical name, and where its body mentions it.
 *
 * @param name canonical name ("Nursultan Nazarbayev" also for the mention "Nazarbaev")
 * @param type what kind of entity it is
 * @param mentions where the body names it, in text order; may be empty
 */
public record ArticleEntity(String name, EntityType type, List<Mention> mentions) {
  /** Checks the name and type; {@code null} mentions mean none. */
  public ArticleEntity {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an entity needs a name");
    }
    if (type == null) {
      throw new IllegalArgumentException("entity '" + name + "' needs a type");
    }
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }
}
