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

/** {@code steppe serve --watch}: a file dropped into the corpus is searchable through the API within seconds. */
class WatchCommandTest {
  @TempDir Path work;

  @Test
  void aFileDroppedWhileServingIsFoundThroughTheApi() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "Steppe grasslands in spring\n\nHerders moved their flocks across the steppe.\n");
    StringWriter out = new StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    // serve runs until the JVM stops (its shutdown hook closes server, watch and index), so it gets a daemon thread.
    Thread serving = new Thread(() -> cli.execute("serve", "--watch", "--corpus", corpus.toString(), "--index",
        work.resolve("index").toString(), "--port", "0"), "serve-watch-under-test");
    serving.setDaemon(true);
    serving.start();
    Matcher m = Pattern.compile("serving 1 articles on http://localhost:(\\d+)/, watching").matcher("");
    for (int i = 0; i < 600 && !m.find(); i++) {
      Thread.sleep(100);
      assertTrue(serving.isAlive(), "serve stopped early: " + out);
      m.reset(out.toString());
    }
    String api = "http://127.0.0.1:" + m.group(1) + "/api/search?q=";
    HttpClient http = HttpClient.newHttpClient();

    Files.writeString(corpus.resolve("b.txt"), "Camel races in Aktau\n\nThe dromedary derby drew thousands to the Caspian shore.\n");
    String body = "";
    for (int i = 0; i < 600 && !body.contains("\"total\":1"); i++) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "dromedary")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), "the API answers while the watch indexes: " + r.body());
      body = r.body();
      Thread.sleep(100);
    }
    assertTrue(body.contains("Camel races in Aktau"), "the new file is found: " + body + "\n" + out);
    assertTrue(out.toString().contains("Changes indexed"), out.toString());
  }
}
