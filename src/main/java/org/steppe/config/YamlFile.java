package org.steppe.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Optional;

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
      JsonLocation at = e.getLocation();
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String message = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      throw new ConfigException(config.describe(name), at == null ? 0 : at.getLineNr(), message, e);
    }
  }
}
