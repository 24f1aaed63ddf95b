package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The journalist's commands on the seed corpus: quotes about someone, batch search. */
class JournalistCommandsTest {
  @TempDir static Path work;
  static String index;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @BeforeAll
  static void indexTheSeeds() {
    index = work.resolve("index").toString();
    assertEquals(0, run("index", "--corpus", "corpus", "--index", index, "--config", "index-config").code());
  }

  @Test
  void quotesAboutSomeoneAreTheSameUnderEverySpelling() {
    Run canonical = run("quotes", "--about", "Nursultan Nazarbayev", "--index", index, "--config", "index-config");
    assertEquals(0, canonical.code(), canonical.err());
    assertTrue(canonical.out().matches("(?s)[1-9]\\d* quotes.*"), canonical.out());
    assertTrue(canonical.out().contains("Nazarba"), "the quote names him: " + canonical.out());
    Run alias = run("quotes", "--about", "Nazarbaev", "--index", index, "--config", "index-config");
    assertEquals(canonical.out(), alias.out());
    Run nobody = run("quotes", "--about", "Nobody Known", "--index", index, "--config", "index-config");
    assertTrue(nobody.out().startsWith("0 quotes"), nobody.out());
  }
}
