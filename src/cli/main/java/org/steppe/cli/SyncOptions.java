package org.steppe.cli;

import org.steppe.search.RemovalLimit;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How the commands that sync the corpus ({@code index}, {@code serve}) do it: how much one run may remove, and whether to keep watching. */
final class SyncOptions {
  @Option(names = "--allow-mass-delete",
      description = "Remove every article whose file is gone, however many (by default a run that would remove more "
          + "than --removal-limit of the index stops and changes nothing).")
  boolean allowMassDelete;

  @Option(names = "--removal-limit", paramLabel = "PERCENT", defaultValue = "50",
      description = "Largest share of the index one run may remove, in percent (default: ${DEFAULT-VALUE}).")
  int removalLimitPercent;

  @Option(names = "--watch",
      description = "After the first run, keep watching --corpus: new, changed and removed files are indexed within "
          + "seconds, in batches (a burst of files is one commit), until Ctrl-C.")
  boolean watch;

  RemovalLimit removalLimit() {
    if (allowMassDelete) {
      return RemovalLimit.NONE;
    }
    if (removalLimitPercent < 0 || removalLimitPercent > 100) {
      throw new IllegalArgumentException("--removal-limit is a percentage from 0 to 100, not " + removalLimitPercent);
    }
    return new RemovalLimit(removalLimitPercent / 100.0);
  }

  /** Watching keeps the embedded index in line; a cluster's index is kept in line by running {@code index} again. */
  void refuseWatchOnCluster(CommandSpec spec) {
    if (watch) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--watch works with --index only, not with --opensearch: "
          + "run `steppe index --opensearch URL` again to bring the cluster's index up to date");
    }
  }
}
