package org.steppe.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;

/**
 * How to read metadata from an article's text, from {@code metadata.yaml}. Each pattern is matched
 * against one line at a time; the first pattern (in file order) that matches a line wins.
 *
 * @param dates patterns with named groups {@code year}, {@code month} (a number or an English
 *     month name) and {@code day}
 * @param authors patterns with a named group {@code author}, and optionally {@code author2}
 * @param urls patterns with a named group {@code url}
 * @param titleMaxLength a title is a short first line: no longer than this
 */
public record MetadataRules(
    List<Pattern> dates,
    List<Pattern> authors,
    List<Pattern> urls,
    @JsonProperty("title-max-length") int titleMaxLength) {

  public static final String FILE = "metadata.yaml";

  public MetadataRules {
    dates = dates == null ? List.of() : List.copyOf(dates);
    authors = authors == null ? List.of() : List.copyOf(authors);
    urls = urls == null ? List.of() : List.copyOf(urls);
    titleMaxLength = titleMaxLength <= 0 ? 160 : titleMaxLength;
    requireGroups(dates, "year", "month", "day");
    requireGroups(authors, "author");
    requireGroups(urls, "url");
  }

  private static void requireGroups(List<Pattern> patterns, String... groups) {
    for (Pattern p : patterns) {
      for (String g : groups) {
        if (!p.namedGroups().containsKey(g)) {
          throw new IllegalArgumentException("pattern '" + p + "' needs a named group (?<" + g + ">...)");
        }
      }
    }
  }

  /** The rules from {@code config}, or none when it has no such file. */
  public static MetadataRules load(ConfigDir config) {
    return YamlFile.read(config, FILE, MetadataRules.class).orElse(new MetadataRules(null, null, null, 0));
  }
}
