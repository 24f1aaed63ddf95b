package org.steppe.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example is this package's {@link EmbeddingExample}, and it runs. */
class EmbeddingExampleTest {
  static final Path SOURCE = Path.of("src/core/example/java/org/steppe/example/EmbeddingExample.java");
  static final String BEGIN = "<!-- embedding-example:begin (kept equal to " + SOURCE + " by EmbeddingExampleTest) -->";
  static final String END = "<!-- embedding-example:end -->";

  @TempDir Path dir;

  @Test
  void theReadmeShowsTheExampleVerbatim() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "README.md must hold the example between\n" + BEGIN + "\nand\n" + END);
    String block = readme.substring(begin + BEGIN.length(), end).strip();
    assertTrue(block.startsWith("```java") && block.endsWith("```"), "the example is one ```java block");
    String shown = block.substring("```java".length(), block.length() - 3).strip();
    String code = Files.readString(SOURCE, StandardCharsets.UTF_8);
    String fromImports = code.substring(code.indexOf("import ")).strip(); // the package line is this test's business
    assertEquals(fromImports, shown, "README.md's example differs from " + SOURCE + ": copy the file's code (from the first import) into README.md");
  }

  @Test
  void theExampleRunsAndFindsTheTengrinewsArticleOnly() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      EmbeddingExample.main(new String[] {dir.resolve("index").toString()});
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    // What the README says it prints.
    assertEquals("""
        1 hit(s)
        Senators question the treaty | Tengrinews | 2014-10-20 | Senators question the <mark>treaty</mark> \
        Kazakh senators asked whether the <mark>treaty</mark> with Russia binds <mark>Nazarbayev&#x27;s</mark> foreign policy.
        source CABAR.asia: 1
        source Tengrinews: 1
        """, out.replace(System.lineSeparator(), "\n"));
  }
}
