package org.steppe.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;

/**
 * The entities a newsroom knows, with canonical names and spelling variants, from
 * {@code gazetteer.yaml}.
 *
 * @param entities every known entity
 */
public record Gazetteer(List<Entry> entities) {
  public static final String FILE = "gazetteer.yaml";

  /**
   * One known entity.
   *
   * @param name canonical name, shown and faceted on; also matched as a spelling
   * @param type person, organization, place or misc
   * @param aliases other spellings and forms ("Nazarbaev", "President Nazarbayev", "EEU")
   * @param role a person's standing role, used when a quote's text states none; may be null
   */
  public record Entry(String name, EntityType type, List<String> aliases, String role) {
    public Entry {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an entity needs a name");
      }
      if (type == null) {
        throw new IllegalArgumentException("entity '" + name + "' needs a type (person, organization, place or misc)");
      }
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The canonical name and every alias, each once. */
    public List<String> spellings() {
      Set<String> all = new LinkedHashSet<>();
      all.add(name);
      all.addAll(aliases);
      return new ArrayList<>(all);
    }
  }

  public Gazetteer {
    entities = entities == null ? List.of() : List.copyOf(entities);
  }

  /** The gazetteer of {@code config}, or an empty one. */
  public static Gazetteer load(ConfigDir config) {
    return YamlFile.read(config, FILE, Gazetteer.class).orElse(new Gazetteer(null));
  }
}
