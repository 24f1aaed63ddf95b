package org.steppe.ingest;

import java.util.List;
import java.util.regex.Pattern;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;

/**
 * The publications a corpus may come from and how each is recognised in an article's text, from
 * {@code sources.yaml}.
 *
 * @param sources in order: the first source with a pattern found in the text is the article's
 */
public record SourceCatalog(List<Source> sources) {
  public static final String FILE = "sources.yaml";

  /**
   * One publication.
   *
   * @param name the name shown and faceted on
   * @param match patterns, each matched against one line of the raw text (mastheads and copyright
   *     lines count here even though they are dropped from the body)
   */
  public record Source(String name, List<Pattern> match) {
    public Source {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a source needs a name");
      }
      match = match == null ? List.of() : List.copyOf(match);
    }
  }

  public SourceCatalog {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** The catalog from {@code config}, or an empty one. */
  public static SourceCatalog load(ConfigDir config) {
    return YamlFile.read(config, FILE, SourceCatalog.class).orElse(new SourceCatalog(null));
  }

  /** The first source recognised in {@code lines}, or {@code null}. */
  public String recognise(List<String> lines) {
    for (Source source : sources) {
      for (String line : lines) {
        if (BoilerplateRules.anyFind(source.match(), line)) {
          return source.name();
        }
      }
    }
    return null;
  }
}
