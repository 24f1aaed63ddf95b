package org.steppe.search;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests that search the five seed articles, indexed once per test class into a temporary folder. */
abstract class SeedIndexedTest {
  @TempDir static Path dir;
  static WritableSteppe steppe;

  @BeforeAll
  static void index() throws IOException {
    steppe = SeedIndex.index(dir);
  }

  @AfterAll
  static void close() throws IOException {
    steppe.close();
  }
}
