package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code extract} shows the clean body it indexes for every format, beside the documented fields. */
class ExtractBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> FIELDS = List.of("id", "file", "title", "source", "date", "author", "url", "body", "entities", "quotes");

  @Test
  void everyFormatsObjectsCarryTheBodyAndKeepTheirFields() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String dir = "src/formats/test/resources/formats/";
    int code = cli.execute("extract", "corpus/001_70616fac980b1ee6.txt", dir + "news-page.html", dir + "wire.rss",
        dir + "briefs.atom", "src/core/test/resources/formats/cms-export.jsonl", "--config", "index-config");
    assertEquals(0, code, err.toString());
    List<JsonNode> objects = out.toString().lines().map(ExtractBodyTest::parse).toList();
    assertEquals(1 + 1 + 3 + 2 + 3, objects.size());
    for (JsonNode o : objects) {
      Iterator<String> names = o.fieldNames();
      for (String field : FIELDS) {
        assertEquals(field, names.next(), "fields in the documented order: " + o);
      }
      assertTrue(o.get("body").isTextual() && !o.get("body").asText().isBlank(), "a body: " + o);
    }
    JsonNode page = objects.get(1);
    assertTrue(page.get("body").asText().startsWith("The Senate ratified the convention"), page.toString());
    String body = page.get("body").asText();
    for (JsonNode q : page.get("quotes")) {
      assertEquals(q.get("text").asText(), body.substring(q.get("start").asInt(), q.get("end").asInt()),
          "a page's offsets index its extracted text, which is its body");
    }
    assertTrue(err.toString().contains("cms-export.jsonl:2"), "bad lines are named on stderr: " + err);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }
}
