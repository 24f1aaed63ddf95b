package org.steppe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.steppe.config.ConfigException;
import org.steppe.search.ConfigurationException;
import org.steppe.search.IndexLockedException;
import org.steppe.search.QuerySyntaxException;
import picocli.CommandLine;

/** Maps failures to one line for the user and an exit code; the one place this is decided. */
final class Errors implements CommandLine.IExecutionExceptionHandler {
  static final int USAGE = 2;
  static final int CONFIG = 3;
  static final int IO = 4;
  static final int LOCKED = 5;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    String prefix = "steppe " + cli.getCommandName() + ": ";
    int code;
    if (e instanceof QuerySyntaxException || e instanceof IllegalArgumentException) {
      code = USAGE;
    } else if (e instanceof ConfigurationException || e instanceof ConfigException) {
      // ConfigException: the evaluation and training commands read configuration files directly.
      code = CONFIG;
    } else if (e instanceof IndexLockedException) {
      code = LOCKED;
    } else if (e instanceof IOException || e instanceof UncheckedIOException) {
      code = IO;
    } else {
      cli.getErr().println(prefix + "unexpected error: " + e);
      e.printStackTrace(cli.getErr());
      return 1;
    }
    cli.getErr().println(prefix + message(e));
    return code;
  }

  /**
   * What went wrong, in words: Java's file errors carry only the path ("/etc/passwd"), so the kind
   * of problem is added.
   */
  static String message(Exception e) {
    Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (t instanceof FileSystemException fs && fs.getReason() == null) {
      String problem = switch (fs) {
        case NoSuchFileException x -> "no such file or folder";
        case FileAlreadyExistsException x -> "already exists, and is not what was expected there (a file where a folder belongs?)";
        case AccessDeniedException x -> "permission denied";
        case NotDirectoryException x -> "not a folder";
        case DirectoryNotEmptyException x -> "the folder is not empty";
        default -> fs.getClass().getSimpleName();
      };
      return fs.getFile() + ": " + problem + (fs.getOtherFile() == null ? "" : " (" + fs.getOtherFile() + ")");
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
