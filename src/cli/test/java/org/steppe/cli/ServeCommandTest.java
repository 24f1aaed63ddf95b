package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steppe serve}: indexes the corpus, then serves on the port it reports. */
class ServeCommandTest {
  @TempDir Path work;

  @Test
  void servesTheIndexedCorpusOnTheFreePortItReports() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Files.writeString(Files.createDirectories(corpus.resolve("2016")).resolve("a.txt"),
        "Steppe grasslands in spring\n\nHerders moved their flocks across the steppe early this year.\n");
    StringWriter out = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    // serve runs until the JVM stops (its shutdown hook then closes server and index), so it gets a daemon thread.
    Thread serving = new Thread(() -> cli.execute("serve", "--corpus", corpus.toString(), "--index",
        work.resolve("index").toString(), "--port", "0"), "serve-under-test");
    serving.setDaemon(true);
    serving.start();
    Pattern url = Pattern.compile("serving 1 articles on (http://localhost:(\\d+)/)");
    Matcher m = url.matcher("");
    for (int i = 0; i < 300 && !m.find(); i++) {
      Thread.sleep(100);
      assertTrue(serving.isAlive(), "serve stopped early: " + out);
      m = url.matcher(out.toString());
    }
    assertTrue(out.toString().contains("Indexed 1 articles"), out.toString());
    assertTrue(Integer.parseInt(m.group(2)) > 0, "the real port, not 0: " + out);
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(2) + "/api/articles/2016/a.txt")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("Steppe grasslands in spring"));
  }

  @Test
  void aReadOnlyIndexIsServedAsItIsWithNothingWritten() throws Exception {
    assumeTrue(ChildSteppe.permissionsBind(), "running as root without setpriv: a read-only folder cannot be made to bind");
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Steppe grasslands in spring\n\nHerders moved their flocks across the steppe.\n");
    Path index = work.resolve("index");
    assertEquals(0, Main.commandLine().execute("index", "--corpus", corpus.toString(), "--index", index.toString()));
    Files.writeString(corpus.resolve("b.txt"), "A second article\n\nNot in the read-only index.\n");
    Map<String, FileTime> before = listing(index);
    Path out = work.resolve("serve.out");
    Process serve = null;
    try {
      for (String f : before.keySet()) {
        Files.setPosixFilePermissions(index.resolve(f), PosixFilePermissions.fromString("r--r--r--"));
      }
      Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
      serve = ChildSteppe.command(true, out, work.resolve("serve.err"), "serve", "--corpus", corpus.toString(),
          "--index", index.toString(), "--port", "0").start();
      Matcher m = Pattern.compile("serving 1 articles on http://localhost:(\\d+)/").matcher("");
      for (int i = 0; i < 600 && !m.find(); i++) {
        Thread.sleep(100);
        assertTrue(serve.isAlive(), "serve stopped: " + Files.readString(out) + Files.readString(work.resolve("serve.err")));
        m.reset(Files.readString(out));
      }
      assertTrue(Files.readString(out).contains("read-only"), Files.readString(out));
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/api/search?q=herders")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"total\":1"), r.body());
    } finally {
      if (serve != null) {
        serve.destroy();
        serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
      }
      Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertEquals(before, listing(index), "no file written, changed or removed");
  }

  @Test
  void serveStopsBeforeSyncingAwayMostOfTheIndex() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    for (String name : List.of("a", "b", "c")) {
      Files.writeString(corpus.resolve(name + ".txt"), "Article " + name + "\n\nHerders crossed the steppe.\n");
    }
    Path index = work.resolve("index");
    assertEquals(0, Main.commandLine().execute("index", "--corpus", corpus.toString(), "--index", index.toString()));
    Files.delete(corpus.resolve("a.txt"));
    Files.delete(corpus.resolve("b.txt"));
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertEquals(Errors.IO, cli.execute("serve", "--corpus", corpus.toString(), "--index", index.toString(), "--port", "0"));
    assertTrue(err.toString().contains("would remove 2 of the 3") && err.toString().contains("--allow-mass-delete"), err.toString());
    try (var steppe = org.steppe.search.Steppe.open(index)) {
      assertEquals(3, steppe.articleCount(), "nothing removed");
    }
  }

  private static Map<String, FileTime> listing(Path dir) throws Exception {
    Map<String, FileTime> out = new TreeMap<>();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        out.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
      }
    }
    return out;
  }
}
