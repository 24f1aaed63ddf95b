package org.steppe.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code steppe} command in a child JVM, on this build's classpath. With {@code asOrdinaryUser},
 * a root test run drops the capabilities that let root read and write any file regardless of its
 * permissions, so that unreadable folders and read-only indexes are what they are for everyone else.
 */
final class ChildSteppe {
  /** The capabilities that make root ignore permission bits. */
  private static final List<String> WITHOUT_ROOT_OVERRIDES = List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search");

  private ChildSteppe() {}

  /** Whether this test run is root, whose file access ignores permission bits. */
  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * Whether permission bits can be made to bind this test run's children: always for an ordinary
   * user; for root when {@code setpriv} can drop the overriding capabilities.
   */
  static boolean permissionsBind() {
    if (!isRoot()) {
      return true;
    }
    try {
      List<String> probe = new ArrayList<>(WITHOUT_ROOT_OVERRIDES);
      probe.add("true");
      Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A process builder for {@code steppe args...}, as an ordinary user when asked; output goes to {@code out} and {@code err}. */
  static ProcessBuilder command(boolean asOrdinaryUser, Path out, Path err, String... args) {
    List<String> cmd = new ArrayList<>();
    if (asOrdinaryUser && isRoot()) {
      cmd.addAll(WITHOUT_ROOT_OVERRIDES);
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.steppe.cli.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
  }
}
