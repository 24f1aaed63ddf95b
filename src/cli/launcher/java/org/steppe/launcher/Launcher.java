package org.steppe.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jar's entry point, compiled for Java 17 so that {@code java -jar steppe.jar} works even where
 * the default {@code java} is older than the JDK 21 Lucene needs: on a recent JVM it runs the
 * command line directly; on an older one it finds a JDK 21+ (JAVA_HOME, then the usual JVM
 * folders) and runs the same command there.
 */
public final class Launcher {
  private static final int NEEDED = 21;
  private static final String MAIN = "org.steppe.cli.Main";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (Runtime.version().feature() >= NEEDED) {
      Method main = Class.forName(MAIN).getMethod("main", String[].class);
      main.invoke(null, (Object) args);
      return;
    }
    Path java = findJava();
    if (java == null) {
      System.err.println("steppe: needs Java " + NEEDED + " or newer, but this is Java " + Runtime.version().feature()
          + " and no JDK " + NEEDED + "+ was found in JAVA_HOME or /usr/lib/jvm. Install one or set JAVA_HOME.");
      System.exit(3);
    }
    String jar = new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp", jar, MAIN));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().start();
    System.exit(p.waitFor());
  }

  /** The java of JAVA_HOME when recent enough, else of the newest JDK 21+ in the usual folders. */
  private static Path findJava() throws IOException {
    List<Path> homes = new ArrayList<>();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null) {
      homes.add(Path.of(javaHome));
    }
    for (String dir : List.of("/usr/lib/jvm", "/usr/java", "/opt/java", "/Library/Java/JavaVirtualMachines")) {
      Path d = Path.of(dir);
      if (Files.isDirectory(d)) {
        try (Stream<Path> s = Files.list(d)) {
          s.map(h -> Files.isDirectory(h.resolve("Contents/Home")) ? h.resolve("Contents/Home") : h)
              .sorted(Comparator.comparingInt(Launcher::feature).reversed())
              .forEach(homes::add);
        }
      }
    }
    for (Path home : homes) {
      Path java = home.resolve("bin/java");
      if (feature(home) >= NEEDED && Files.isExecutable(java)) {
        return java;
      }
    }
    return null;
  }

  /** The feature version a JDK's {@code release} file states, or 0. */
  private static int feature(Path home) {
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          String first = v.split("[.+-]")[0];
          return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a JDK we can read: skip it
    }
    return 0;
  }
}
