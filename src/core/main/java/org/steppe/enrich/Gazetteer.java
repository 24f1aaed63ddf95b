package org.steppe.enrich;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param contextWindow how far, in characters before or after it, an ambiguous spelling finds the
 *     context that links it to its entity; 0 (the default) means anywhere in the article
 */
public record Gazetteer(List<Entry> entities, @JsonProperty("context-window") int contextWindow) {
  public static final String FILE = "gazetteer.yaml";

  /**
   * One known entity.
   *
   * @param name canonical name, shown and faceted on; also matched as a spelling
   * @param type person, organization, place or misc
   * @param aliases other spellings and forms ("Nazarbaev", "President Nazarbayev", "EEU")
   * @param role a person's standing role, used when a quote's text states none; may be null
   * @param ambiguous spellings (the name or aliases) that are ordinary words or that other bodies
   *     share ("Senate", "Liberty"): they name this entity only where its context supports it
   * @param context what supports an ambiguous spelling when the article names it nearby: names of
   *     other entities (any of their spellings counts) or plain words ("Kazakh"); the entity's own
   *     unambiguous spellings always count
   */
  public record Entry(String name, EntityType type, List<String> aliases, String role, List<String> ambiguous,
      List<String> context) {
    public Entry {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an entity needs a name");
      }
      if (type == null) {
        throw new IllegalArgumentException("entity '" + name + "' needs a type (person, organization, place or misc)");
      }
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
      ambiguous = ambiguous == null ? List.of() : List.copyOf(ambiguous);
      context = context == null ? List.of() : List.copyOf(context);
      for (String a : ambiguous) {
        if (!a.equals(name) && !aliases.contains(a)) {
          throw new IllegalArgumentException("entity '" + name + "': ambiguous spelling '" + a + "' is not its name or an alias");
        }
      }
      Set<String> all = new LinkedHashSet<>(aliases);
      all.add(name);
      if (context.isEmpty() && !ambiguous.isEmpty() && all.size() == new LinkedHashSet<>(ambiguous).size()) {
        throw new IllegalArgumentException("entity '" + name + "': every spelling is ambiguous, so it needs a context");
      }
    }

    /** A known entity with no ambiguous spellings. */
    public Entry(String name, EntityType type, List<String> aliases, String role) {
      this(name, type, aliases, role, null, null);
    }

    /** The canonical name and every alias, each once. */
    public List<String> spellings() {
      Set<String> all = new LinkedHashSet<>();
      all.add(name);
      all.addAll(aliases);
      return new ArrayList<>(all);
    }

    /** The spellings that name this entity wherever they stand: all but the ambiguous ones. */
    public List<String> unambiguousSpellings() {
      List<String> out = spellings();
      out.removeAll(ambiguous);
      return out;
    }
  }

  public Gazetteer {
    entities = entities == null ? List.of() : List.copyOf(entities);
    if (contextWindow < 0) {
      throw new IllegalArgumentException("context-window cannot be negative");
    }
  }

  /** A gazetteer whose ambiguous spellings may find their context anywhere in the article. */
  public Gazetteer(List<Entry> entities) {
    this(entities, 0);
  }

  /** The gazetteer of {@code config}, or an empty one. */
  public static Gazetteer load(ConfigDir config) {
    return YamlFile.read(config, FILE, Gazetteer.class).orElse(new Gazetteer(null));
  }
}
