package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;

/** Broken files among good ones: each is handled or skipped with a reason naming it; the good ones all load. */
class HostileCorpusTest {
  @TempDir Path corpus;
  @TempDir Path elsewhere;

  private final Map<String, String> skipped = new HashMap<>();
  private final Map<String, String> warned = new HashMap<>();
  private final IngestListener listener = new IngestListener() {
    @Override
    public void skipped(String file, String reason) {
      skipped.put(file, reason);
    }

    @Override
    public void warning(String file, String message) {
      warned.put(file, message);
    }
  };

  @Test
  void badFilesAreSkippedByNameAndGoodOnesAllRead() throws IOException {
    for (Path seed : Files.list(SeedCorpus.DIR).toList()) {
      Files.copy(seed, corpus.resolve(seed.getFileName()));
    }
    Files.write(corpus.resolve("binary.txt"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, (byte) 0xff});
    Files.write(corpus.resolve("empty.txt"), new byte[0]);
    Files.writeString(corpus.resolve("blank.txt"), "  \n\n \t\n");
    Files.write(corpus.resolve("latin1.txt"),
        "Caf\u00e9 society in Almaty\n\nThe caf\u00e9 owner said prices rose.".getBytes(StandardCharsets.ISO_8859_1));
    Path huge = corpus.resolve("huge.txt");
    try (OutputStream out = Files.newOutputStream(huge)) {
      byte[] line = "A very long archive dump line that goes on and on about nothing in particular.\n".getBytes(StandardCharsets.UTF_8);
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    Path locked = corpus.resolve("locked.txt");
    Files.writeString(locked, "Locked article\n\nA text nobody may read.");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    Files.createSymbolicLink(corpus.resolve("dangling.txt"), corpus.resolve("nowhere.txt"));

    Corpus c = Corpus.open(corpus, SeedCorpus.CONFIG, listener);
    List<Article> read = new ArrayList<>();
    for (Path f : c.files()) {
      read.addAll(c.read(f));
    }
    List<String> ids = read.stream().map(Article::id).toList();

    for (Path seed : Files.list(SeedCorpus.DIR).toList()) {
      assertTrue(ids.contains(seed.getFileName().toString()), "good article indexed: " + seed);
    }
    assertTrue(skipped.get("binary.txt").contains("binary"), skipped.toString());
    assertTrue(skipped.get("empty.txt").contains("empty"), skipped.toString());
    assertTrue(skipped.get("blank.txt").contains("empty"), skipped.toString());
    assertTrue(skipped.get("huge.txt").contains("too large"), skipped.toString());
    assertTrue(skipped.get("dangling.txt").contains("cannot be read"), skipped.toString());
    assertTrue(warned.get("latin1.txt").contains("not valid UTF-8"), warned.toString());
    Article latin = read.stream().filter(a -> a.id().equals("latin1.txt")).findFirst().orElseThrow();
    assertTrue(latin.body().contains("Caf\u00e9 society"), "Latin-1 text decoded, not mangled");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      assertTrue(ids.contains("locked.txt"), "root reads a mode-000 file: handled");
    } else {
      assertTrue(skipped.get("locked.txt").contains("permission"), skipped.toString());
    }
    assertEquals(5 + 1 + (root ? 1 : 0), read.size());
  }

  @Test
  void linksLeadingOutsideTheCorpusAreNeitherListedNorRead() throws IOException {
    Path secret = Files.writeString(elsewhere.resolve("passwd.txt"), "root:x:0:0:root:/root:/bin/bash\n");
    Files.createDirectories(elsewhere.resolve("etc"));
    Files.writeString(elsewhere.resolve("etc/rgb.txt"), "255 250 250 snow\n");
    Files.writeString(elsewhere.resolve("manifest.jsonl"), "{\"file\": \"inside.txt\", \"title\": \"Planted title\"}\n");
    Files.createDirectories(corpus.resolve("sub"));
    Files.writeString(corpus.resolve("sub/real.txt"), "A real article\n\nAstana hosted talks on Syria.");
    Files.createSymbolicLink(corpus.resolve("passwd.txt"), secret);
    Files.createSymbolicLink(corpus.resolve("etc"), elsewhere.resolve("etc"));
    Files.createSymbolicLink(corpus.resolve("manifest.jsonl"), elsewhere.resolve("manifest.jsonl"));
    Files.createSymbolicLink(corpus.resolve("inside.txt"), corpus.resolve("sub/real.txt")); // stays inside: read

    Corpus c = Corpus.open(corpus, SeedCorpus.CONFIG, listener);
    List<String> listed = c.files().stream().map(f -> corpus.relativize(f).toString()).toList();
    assertEquals(List.of("inside.txt", "sub/real.txt"), listed);
    assertTrue(skipped.get("passwd.txt").contains("outside the corpus"), skipped.toString());
    assertTrue(skipped.get("etc").contains("outside the corpus"), skipped.toString());
    assertTrue(skipped.get("manifest.jsonl").contains("outside the corpus"), skipped.toString());
    assertEquals("A real article", c.read(corpus.resolve("inside.txt")).get(0).metadata().title(), "the planted manifest is not read");
    // A file swapped for a link after listing is refused when read.
    assertEquals(List.of(), c.read(corpus.resolve("passwd.txt")));
    assertEquals(List.of(), c.read(corpus.resolve("etc/rgb.txt")));
  }

  @Test
  void manifestLinesNamingFilesOutsideTheCorpusAreIgnored() throws IOException {
    Files.writeString(corpus.resolve("a.txt"), "Article a\n\nAstana hosted talks.");
    Files.writeString(corpus.resolve(Manifest.FILE), "{\"file\": \"../a.txt\", \"title\": \"Outside\"}\n"
        + "{\"file\": \"/etc/passwd\", \"title\": \"Absolute\"}\n{\"file\": \"./a.txt\", \"source\": \"Manifest source\"}\n");
    Corpus c = Corpus.open(corpus, SeedCorpus.CONFIG, listener);
    Article a = c.read(corpus.resolve("a.txt")).get(0);
    assertEquals("Manifest source", a.metadata().source(), "./a.txt names a.txt");
    assertEquals("Article a", a.metadata().title());
    assertTrue(skipped.get("manifest.jsonl:1").contains("outside the corpus"), skipped.toString());
    assertTrue(skipped.get("manifest.jsonl:2").contains("outside the corpus"), skipped.toString());
  }

  @Test
  void textWithAUtf16OrUtf32ByteOrderMarkIsDecodedNotCalledBinary() throws IOException {
    String text = "Caf\u00e9 in \u0410\u043b\u043c\u0430\u0442\u044b\n\nNursultan Nazarbayev said \u201cgood\u201d, \ud83d\ude00.";
    Map<String, java.nio.charset.Charset> encodings = Map.of("le16.txt", StandardCharsets.UTF_16LE, "be16.txt", StandardCharsets.UTF_16BE,
        "le32.txt", java.nio.charset.Charset.forName("UTF-32LE"), "be32.txt", java.nio.charset.Charset.forName("UTF-32BE"),
        "utf8.txt", StandardCharsets.UTF_8);
    for (Map.Entry<String, java.nio.charset.Charset> e : encodings.entrySet()) {
      Files.write(corpus.resolve(e.getKey()), ("\uFEFF" + text).getBytes(e.getValue()));
    }
    Files.write(corpus.resolve("nobom16.txt"), text.getBytes(StandardCharsets.UTF_16LE));
    Corpus c = Corpus.open(corpus, SeedCorpus.CONFIG, listener);
    for (String name : encodings.keySet()) {
      List<Article> read = c.read(corpus.resolve(name));
      assertEquals(1, read.size(), name + ": " + skipped);
      assertEquals(text, read.get(0).text(), name);
    }
    assertEquals(List.of(), c.read(corpus.resolve("nobom16.txt")));
    assertTrue(skipped.get("nobom16.txt").contains("binary"), "without a mark, UTF-16 cannot be told from binary: " + skipped);
    assertTrue(warned.isEmpty(), warned.toString());
  }
}
