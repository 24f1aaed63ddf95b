package org.steppe.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binds a YAML configuration file to a record, turning every mistake into a {@link ConfigException} with its line. */
public final class YamlFile {
  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

  private YamlFile() {}

  /**
   * Reads {@code name} from {@code config} as a {@code type}; empty when the file exists nowhere.
   * A record's compact constructor may throw {@link IllegalArgumentException}: its message is
   * reported with the line of the entry that failed.
   */
  public static <T> Optional<T> read(ConfigDir config, String name, Class<T> type) {
    Optional<String> text = config.read(name);
    if (text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readValue(text.get(), type));
    } catch (JsonProcessingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      throw new ConfigException(config.describe(name), lineOf(text.get(), e, message), readable(message), e);
    }
  }

  /** {@code value} as YAML text that {@link #read} binds back: how configuration given in code becomes a file. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the configuration as YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static final Pattern YAML_MARK = Pattern.compile("in 'reader', line (\\d+)");
  private static final Pattern QUOTED = Pattern.compile("'([^']{3,})'");

  /**
   * The line at fault. Jackson reports where its parser stood, which for an entry that failed
   * validation is the line after it; the entry's own line is found from the failure's path, or from
   * the value the message quotes, or (for YAML syntax) from the scanner's own mark.
   */
  private static int lineOf(String text, JsonProcessingException e, String message) {
    Matcher mark = YAML_MARK.matcher(String.valueOf(e.getOriginalMessage()));
    if (mark.find()) {
      return Integer.parseInt(mark.group(1));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      int line = lineOfPath(text, m.getPath());
      if (line > 0) {
        return line;
      }
    }
    Matcher quoted = QUOTED.matcher(String.valueOf(message));
    if (quoted.find()) {
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(quoted.group(1))) {
          return i + 1;
        }
      }
    }
    JsonLocation at = e.getLocation();
    return at == null ? 0 : at.getLineNr();
  }

  /** The line where the value at {@code path} (as in {@code sources[1]}) starts. */
  private static int lineOfPath(String text, List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference r : path) {
      pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
    }
    String wanted = pointer.toString();
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        JsonStreamContext ctx = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
        if (ctx != null && ctx.pathAsPointer().toString().equals(wanted)) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (java.io.IOException | RuntimeException ignored) {
      // the text did parse once; if it cannot be walked now, Jackson's own location stands
    }
    return 0;
  }

  /** A parser message without its position marks and the quoted snippets under them. */
  private static String readable(String message) {
    if (message == null) {
      return "cannot be read";
    }
    List<String> kept = new java.util.ArrayList<>();
    int skip = 0;
    for (String line : message.lines().map(String::strip).toList()) {
      if (line.startsWith("in 'reader'")) {
        skip = 2; // the snippet of the file and the caret under it
      } else if (skip > 0) {
        skip--;
      } else if (!line.isEmpty() && !line.startsWith("at [Source")) {
        kept.add(line);
      }
    }
    return kept.isEmpty() ? message.strip() : String.join(": ", kept);
  }
}
