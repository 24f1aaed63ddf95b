package org.steppe.cli;

import java.nio.file.Path;
import org.steppe.config.ConfigDir;
import picocli.CommandLine.Option;

/** The options every command that touches the corpus or index shares. */
final class IndexOptions {
  /** Where the index lives unless --index says otherwise. */
  static final String DEFAULT_INDEX = "steppe-index";

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus", description = "Folder of articles (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT_INDEX, description = "Index folder (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--config", paramLabel = "DIR", description = "Configuration folder (default: index-config/ if present, else the built-in one).")
  Path config;

  ConfigDir configDir() {
    return config != null ? ConfigDir.of(config) : ConfigDir.defaultLocation();
  }
}
