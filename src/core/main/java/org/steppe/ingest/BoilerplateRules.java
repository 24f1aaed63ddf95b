package org.steppe.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;

/**
 * What counts as site boilerplate, from {@code boilerplate.yaml}. Every pattern is a Java regular
 * expression matched against one line at a time.
 *
 * @param chrome a line in which one of these matches is site furniture (navigation, tickers,
 *     share buttons): dropped from the body and ignored when reading metadata
 * @param metadataLines a line in which one of these matches states metadata (permalink,
 *     publication date, copyright): read for metadata, then dropped from the body
 * @param inline text glued to an article line ("…2017.Print version"): cut out of the line
 * @param minRepeatLength a line at least this long seen earlier in the same article is dropped
 */
public record BoilerplateRules(
    List<Pattern> chrome,
    @JsonProperty("metadata-lines") List<Pattern> metadataLines,
    List<Pattern> inline,
    @JsonProperty("min-repeat-length") int minRepeatLength) {

  public static final String FILE = "boilerplate.yaml";

  public BoilerplateRules {
    chrome = chrome == null ? List.of() : List.copyOf(chrome);
    metadataLines = metadataLines == null ? List.of() : List.copyOf(metadataLines);
    inline = inline == null ? List.of() : List.copyOf(inline);
    minRepeatLength = minRepeatLength <= 0 ? 20 : minRepeatLength;
  }

  /** The rules from {@code config}, or none when it has no such file. */
  public static BoilerplateRules load(ConfigDir config) {
    return YamlFile.read(config, FILE, BoilerplateRules.class)
        .orElse(new BoilerplateRules(null, null, null, 0));
  }

  static boolean anyFind(List<Pattern> patterns, CharSequence line) {
    for (Pattern p : patterns) {
      if (p.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }
}
