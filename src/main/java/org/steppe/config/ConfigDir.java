package org.steppe.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configuration folder ({@code index-config/}) with a fallback to the copy built into the jar.
 *
 * <p>A file present in the folder wins; a file missing from it falls back to the built-in default
 * of the same name, so a newsroom only writes the files it changes. Instances are immutable and
 * safe to share between threads.
 */
public final class ConfigDir {
  private static final String BUILT_IN = "/index-config/";

  private final Path dir;

  private ConfigDir(Path dir) {
    this.dir = dir;
  }

  /** A configuration read from {@code dir}; {@code null} means the built-in defaults only. */
  public static ConfigDir of(Path dir) {
    return new ConfigDir(dir);
  }

  /** The built-in defaults shipped in the jar. */
  public static ConfigDir builtIn() {
    return new ConfigDir(null);
  }

  /** {@code index-config/} in the working directory when it exists, else the built-in defaults. */
  public static ConfigDir defaultLocation() {
    Path local = Path.of("index-config");
    return Files.isDirectory(local) ? of(local) : builtIn();
  }

  /** The folder, or {@code null} when only built-in defaults are used. */
  public Path dir() {
    return dir;
  }

  /** The text of a configuration file, or empty when neither the folder nor the jar has it. */
  public Optional<String> read(String name) {
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

  /** How a file is named in messages: its path in the folder, or its built-in name. */
  public String describe(String name) {
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
