package org.steppe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.steppe.config.ConfigDir;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that touches the corpus or index shares. */
final class IndexOptions {
  /** Where the index lives unless --index says otherwise. */
  static final String DEFAULT_INDEX = "steppe-index";

  @Option(names = "--corpus", paramLabel = "DIR", defaultValue = "corpus", description = "Folder of articles (default: ${DEFAULT-VALUE}).")
  Path corpus;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = DEFAULT_INDEX,
      description = "Index folder (default: ${DEFAULT-VALUE}); not used with --opensearch.")
  Path index;

  @Option(names = "--config", paramLabel = "DIR", description = "Configuration folder (default: index-config/ if present, else the built-in one).")
  Path config;

  @Mixin OpenSearchOptions openSearch;

  /** The index of --index (or of --opensearch), for searching; a missing one says how to build it. */
  SteppeSearch openForSearch() throws IOException {
    if (openSearch.enabled()) {
      return openSearch.openForSearch(steppeConfig());
    }
    if (!Files.isDirectory(index)) {
      throw new IOException("no index at " + index + ": build one first (steppe index)");
    }
    return Steppe.open(index, steppeConfig());
  }

  /** The configuration of --config, else of index-config/ when present, else the built-in one. */
  SteppeConfig steppeConfig() {
    Path folder = config != null ? config : ConfigDir.defaultFolder();
    return folder == null ? SteppeConfig.defaults() : SteppeConfig.fromFolder(folder);
  }
}
