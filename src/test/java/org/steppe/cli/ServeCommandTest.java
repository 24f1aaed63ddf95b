package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
