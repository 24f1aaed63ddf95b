package org.steppe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar steppe.jar <command>}: the command-line entry point. */
@Command(name = "steppe", mixinStandardHelpOptions = true, version = "Steppe 0.1",
    description = "A search engine for news archives that knows who said what.",
    subcommands = {IndexCommand.class, SearchCommand.class, QuotesCommand.class, ExtractCommand.class, ServeCommand.class,
        EvalRelevanceCommand.class, ClusterWordsCommand.class, TrainNerCommand.class, EvalNerCommand.class, EvalQuotesCommand.class, BatchCommand.class,
        TrainAttributionCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    quietLibraryLogs();
    System.exit(commandLine().execute(args));
  }

  /** Lucene's start-up advice about JVM flags is for operators, not for every command's output. */
  private static void quietLibraryLogs() {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  // Held so the level set on it is not lost when the logger is collected.
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  /** The configured command line, errors mapped to exit codes in one place ({@link Errors}). */
  public static CommandLine commandLine() {
    return withErrors(new CommandLine(new Main()));
  }

  /** Runs one command on its own (an evaluation's {@code main}) with the same error mapping; returns the exit code. */
  static int execute(Object command, String[] args) {
    quietLibraryLogs();
    return withErrors(new CommandLine(command)).execute(args);
  }

  private static CommandLine withErrors(CommandLine cli) {
    cli.setExecutionExceptionHandler(new Errors());
    return cli;
  }
}
