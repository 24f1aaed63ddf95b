package org.steppe.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration files: those given in code, then the configuration folder
 * ({@code index-config/}), then the copies built into the jar.
 *
 * <p>A file given in code wins, then a file present in the folder; a file missing from both falls
 * back to the built-in default of the same name, so a newsroom only writes the files it changes.
 * Instances are immutable and safe to share between threads.
 */
public final class ConfigDir {
  private static final String BUILT_IN = "/index-config/";

  private final Path dir;
  private final Map<String, String> given;

  private ConfigDir(Path dir, Map<String, String> given) {
    this.dir = dir;
    this.given = Map.copyOf(given);
  }

  /**
   * A configuration read from the folder {@code dir}; {@code null} means the built-in defaults only.
   *
   * @throws ConfigException when {@code dir} is not a folder: a missing configuration is a mistake,
   *     never a reason to fall back silently
   */
  public static ConfigDir of(Path dir) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new ConfigException(dir.toString(), 0, Files.exists(dir) ? "the configuration folder is not a folder"
          : "there is no configuration folder here");
    }
    return new ConfigDir(dir, Map.of());
  }

  /** The built-in defaults shipped in the jar. */
  public static ConfigDir builtIn() {
    return new ConfigDir(null, Map.of());
  }

  /** The same configuration with the file {@code name} given in code: its text wins over the folder's and the built-in one. */
  public ConfigDir withFile(String name, String text) {
    Map<String, String> files = new HashMap<>(given);
    files.put(name, text);
    return new ConfigDir(dir, files);
  }


  /** {@code index-config/} in the working directory when it exists, else the built-in defaults. */
  public static ConfigDir defaultLocation() {
    return of(defaultFolder());
  }

  /** {@code index-config/} in the working directory when it exists, else {@code null} (the built-in defaults). */
  public static Path defaultFolder() {
    Path local = Path.of("index-config");
    return Files.isDirectory(local) ? local : null;
  }

  /** The folder, or {@code null} when only built-in defaults are used. */
  public Path dir() {
    return dir;
  }

  /** The text of a configuration file, or empty when neither the folder nor the jar has it. */
  public Optional<String> read(String name) {
    if (given.containsKey(name)) {
      return Optional.of(given.get(name));
    }
    try {
      if (dir != null) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        }
      }
      try (InputStream in = ConfigDir.class.getResourceAsStream(BUILT_IN + name)) {
        return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read configuration file " + describe(name), e);
    }
  }

  /** How a file is named in messages: given in code, its path in the folder, or its built-in name. */
  public String describe(String name) {
    if (given.containsKey(name)) {
      return name + " (given in code)";
    }
    if (dir != null && Files.isRegularFile(dir.resolve(name))) {
      return dir.resolve(name).toString();
    }
    return "built-in " + name;
  }

  /**
   * Reads a line-based list: one entry per line, {@code #} starts a comment, blank lines ignored.
   */
  public List<String> readLines(String name) {
    List<String> out = new ArrayList<>();
    read(name).ifPresent(text -> text.lines()
        .map(l -> l.replaceFirst("\\s+#.*$", "").strip())
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .forEach(out::add));
    return out;
  }

  /**
   * A short hash of every configuration file's name and content: when it changes, articles must
   * be enriched again. Files in the folder count, and built-in defaults for {@code builtInNames}.
   */
  public String fingerprint(List<String> builtInNames) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      java.util.TreeSet<String> names = new java.util.TreeSet<>(builtInNames);
      names.addAll(given.keySet());
      if (dir != null && Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
        }
      }
      for (String name : names) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        read(name).ifPresent(text -> digest.update(text.getBytes(StandardCharsets.UTF_8)));
      }
      return java.util.HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (java.security.NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot fingerprint the configuration", e);
    }
  }
}
