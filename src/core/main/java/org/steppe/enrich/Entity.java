package org.steppe.enrich;

import java.util.List;

/** An entity an article mentions, under its canonical name, with every mention. */
public record Entity(String name, EntityType type, List<Mention> mentions) {
  public Entity {
    mentions = List.copyOf(mentions);
  }
}
