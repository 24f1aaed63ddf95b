package org.steppe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.index.Fields;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.search.SearchRequest;
import org.steppe.search.Steppe;

/**
 * {@code steppe index} killed with SIGKILL at random moments, in a child JVM: the index always
 * holds its last commit whole, the lock the dead process held never blocks the next run, and the
 * next run completes the work. Two runs at once: the second fails at once with {@link Errors#LOCKED}.
 * A corpus that cannot be read (mistyped, a file, unreadable, half gone) removes nothing.
 *
 * <p>{@code -Dsteppe.crashTest.kills=N} (default 20) sets how many kills, {@code
 * -Dsteppe.crashTest.stories=N} (default 400) how many Reuters stories a run indexes, and {@code
 * -Dsteppe.crashTest.seed=S} replays the random delays.
 */
class CrashSafetyTest {
  private static final int KILLS = Integer.getInteger("steppe.crashTest.kills", 20);
  private static final long SEED = Long.getLong("steppe.crashTest.seed", System.nanoTime());
  /** Kills before the first commit land in the first seconds; later ones anywhere in a run's measured length. */
  private static final long MAX_DELAY_MS = Long.getLong("steppe.crashTest.maxDelayMs", 4000);
  /** Stories in the big file: enough that a run spends most of its time indexing, few enough for CI. */
  private static final int STORIES = Integer.getInteger("steppe.crashTest.stories", 400);
  private static final Path REUTERS = Path.of("../shared/datasets/reuters21578/reut2-000.sgm");

  @TempDir Path work;

  @Test
  void killedRunsLeaveTheLastCommitWholeAndTheNextRunCompletesIt() throws Exception {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    Path index = work.resolve("index");
    Path big = bigFile(work.resolve("aside"));
    for (Path seed : Files.list(SeedCorpus.DIR).toList()) {
      Files.copy(seed, corpus.resolve(seed.getFileName()));
    }
    Random random = new Random(SEED);
    long t0 = System.nanoTime();
    int liveKills = 0;
    List<Long> delays = new ArrayList<>();

    // 1. No commit yet: a killed first run leaves no articles behind, whatever it had written.
    Files.copy(big, corpus.resolve(big.getFileName()));
    Set<String> all = idsIn(corpus);
    int firstRunKills = Math.max(1, KILLS / 5);
    for (int i = 0; i < firstRunKills; i++) {
      long delay = 50 + (long) (random.nextDouble() * MAX_DELAY_MS);
      delays.add(delay);
      boolean killed = killAfter(delay, corpus, index);
      Set<String> ids = committedIds(index);
      if (killed && !ids.equals(all)) {
        liveKills++;
        assertSameIds(Set.of(), ids, "kill " + i + " after " + delay + " ms (seed " + SEED + "): nothing partial");
      } else {
        // The run committed (or finished) before the kill: the whole corpus, never a part. Start again from nothing.
        assertEquals(all, ids);
        deleteTree(index);
      }
    }

    // The next run completes the work; how long it takes sets how late the next kills may come.
    long full = System.nanoTime();
    assertTrue(!killAfter(600_000, corpus, index), "the run after the kills completes");
    long fullMs = (System.nanoTime() - full) / 1_000_000;
    assertEquals(all, committedIds(index));

    // 2. The seeds committed, then the big file added: every killed run leaves exactly the seeds.
    Files.move(corpus.resolve(big.getFileName()), big, StandardCopyOption.REPLACE_EXISTING);
    assertEquals(0, inProcessIndex(corpus, index, "--allow-mass-delete")); // all but the five seeds go
    Set<String> seeds = committedIds(index);
    assertEquals(5, seeds.size());
    Path snapshot = copyOf(index, work.resolve("seed-snapshot"));
    Files.copy(big, corpus.resolve(big.getFileName()));
    for (int i = firstRunKills; i < KILLS; i++) {
      // Anywhere in a run: JVM start-up, configuration, reading the corpus, enrichment, the commit.
      long delay = 50 + (long) (random.nextDouble() * fullMs);
      delays.add(delay);
      boolean killed = killAfter(delay, corpus, index);
      Set<String> ids = committedIds(index);
      liveKills += killed && !ids.equals(all) ? 1 : 0;
      if (killed && !ids.equals(all)) {
        // The dead process's lock file is still there; CheckIndex (in committedIds) took the lock regardless.
        assertTrue(Files.exists(index.resolve("write.lock")), "a stale write.lock is left behind");
        assertSameIds(seeds, ids, "kill " + i + " after " + delay + " ms (seed " + SEED + "): the last commit, whole");
      } else {
        // The run committed before the kill (or finished): its own, complete commit is the last one.
        // Either way nothing partial is visible. Start again from the seeds.
        assertEquals(all, ids);
        deleteTree(index);
        copyOf(snapshot, index);
      }
      if (i % 5 == 0) {
        assertSearchable(index, "Nazarbaev", 3);
      }
    }
    assertTrue(liveKills >= KILLS / 2, liveKills + " of " + KILLS + " kills hit a running indexer");

    // 3. Two runs at once, on the index the kills left: one completes it, the other fails at once.
    Run[] runs = {start(corpus, index), null};
    Thread.sleep(300 + random.nextInt(1200));
    runs[1] = start(corpus, index);
    for (Run r : runs) {
      assertTrue(r.process.waitFor(180, TimeUnit.SECONDS), "an index run hung");
    }
    Run winner = runs[0].process.exitValue() == 0 ? runs[0] : runs[1];
    Run loser = winner == runs[0] ? runs[1] : runs[0];
    assertEquals(0, winner.process.exitValue(), winner.err());
    assertEquals(Errors.LOCKED, loser.process.exitValue(), loser.err());
    assertTrue(loser.err().contains("being written by another"), loser.err());
    assertTrue(loser.exited.get() < winner.exited.get(), "the second run failed at once rather than waiting for the lock");
    assertEquals(all, committedIds(index), "the completed run indexed the whole corpus");
    assertClean(index);
    assertSearchable(index, "Nazarbaev", 3);
    System.out.printf("crash safety: %d kills (%d hit a running indexer, delays %d-%d ms, a full run %d ms, seed %d), "
        + "%d articles at the end, %.1f s%n", KILLS, liveKills, delays.stream().mapToLong(Long::longValue).min().orElse(0),
        delays.stream().mapToLong(Long::longValue).max().orElse(0), fullMs, SEED, all.size(), (System.nanoTime() - t0) / 1e9);
  }

  @Test
  void aCorpusThatIsMistypedAFileOrHalfGoneRemovesNothing() throws Exception {
    Path corpus = smallCorpus(work.resolve("small"));
    Path index = work.resolve("small-index");
    assertEquals(0, inProcessIndex(corpus, index));
    Set<String> all = committedIds(index);
    assertEquals(6, all.size());

    CliRun mistyped = cli("index", "--corpus", corpus + "z", "--index", index.toString(), "--config", "index-config");
    assertEquals(Errors.IO, mistyped.code(), mistyped.err());
    assertTrue(mistyped.err().contains("no corpus folder at " + corpus + "z") && mistyped.err().contains("nothing was"), mistyped.err());
    CliRun aFile = cli("index", "--corpus", corpus.resolve("a.txt").toString(), "--index", index.toString(), "--config", "index-config");
    assertEquals(Errors.IO, aFile.code(), aFile.err());
    assertTrue(aFile.err().contains("is not a folder"), aFile.err());
    assertEquals(all, committedIds(index));

    // Four of six files gone at once: the run stops and asks; with the flag it removes them.
    Path aside = Files.createDirectories(work.resolve("small-aside"));
    for (String f : List.of("a.txt", "b.txt", "c.txt", "d.txt")) {
      Files.move(corpus.resolve(f), aside.resolve(f));
    }
    CliRun stopped = cli("index", "--corpus", corpus.toString(), "--index", index.toString(), "--config", "index-config");
    assertEquals(Errors.IO, stopped.code(), stopped.err());
    assertTrue(stopped.err().contains("would remove 4 of the 6") && stopped.err().contains("--allow-mass-delete"), stopped.err());
    assertFalse(stopped.err().contains("\tat "), "a message, not a stack trace: " + stopped.err());
    assertEquals(all, committedIds(index));
    CliRun allowed = cli("index", "--corpus", corpus.toString(), "--index", index.toString(), "--config", "index-config",
        "--allow-mass-delete");
    assertEquals(0, allowed.code(), allowed.err());
    assertTrue(allowed.out().contains("4 removed"), allowed.out());
    assertEquals(Set.of("2016/e.txt", "2016/f.txt"), committedIds(index));
  }

  @Test
  void foldersAndFilesThatCannotBeReadKeepTheirArticles() throws Exception {
    assumeTrue(ChildSteppe.permissionsBind(), "running as root without setpriv: permission bits cannot be made to bind");
    Path corpus = smallCorpus(work.resolve("perm"));
    Path index = work.resolve("perm-index");
    assertEquals(0, inProcessIndex(corpus, index));
    Set<String> all = committedIds(index);
    Path folder = corpus.resolve("2016");
    Path file = corpus.resolve("a.txt");
    Files.writeString(corpus.resolve("b.txt"), "Article b\n\nAlmaty hosted a jazz festival in May.\n");
    try {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
      Run run = new Run(ChildSteppe.command(true, work.resolve("perm.out"), work.resolve("perm.err"), "index",
          "--corpus", corpus.toString(), "--index", index.toString(), "--config", Path.of("index-config").toAbsolutePath().toString()).start(),
          work.resolve("perm.err"));
      assertTrue(run.process.waitFor(120, TimeUnit.SECONDS));
      String out = Files.readString(work.resolve("perm.out"));
      assertEquals(0, run.process.exitValue(), run.err());
      assertTrue(out.contains("skipped: 2016: cannot be listed: permission denied"), out);
      assertTrue(out.contains("skipped: a.txt: cannot be read: permission denied"), out);
      assertTrue(out.contains("1 updated") && out.contains("0 removed, 3 kept as last indexed"), out);
      assertEquals(all, committedIds(index), "nothing lost");

      Files.setPosixFilePermissions(corpus, PosixFilePermissions.fromString("---------"));
      Run root = new Run(ChildSteppe.command(true, work.resolve("root.out"), work.resolve("root.err"), "index",
          "--corpus", corpus.toString(), "--index", index.toString(), "--config", Path.of("index-config").toAbsolutePath().toString()).start(),
          work.resolve("root.err"));
      assertTrue(root.process.waitFor(120, TimeUnit.SECONDS));
      assertEquals(Errors.IO, root.process.exitValue(), root.err());
      assertTrue(root.err().contains("cannot list the corpus folder") && root.err().contains("permission denied"), root.err());
    } finally {
      Files.setPosixFilePermissions(corpus, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
    assertEquals(all, committedIds(index), "nothing lost");
  }

  /** Six short articles, two of them in a subfolder: quick to index. */
  private static Path smallCorpus(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("2016"));
    for (String name : List.of("a", "b", "c", "d", "2016/e", "2016/f")) {
      Files.writeString(dir.resolve(name + ".txt"), "Article " + name + "\n\nAstana hosted talks on trade with Moscow.\n");
    }
    return dir;
  }

  private record CliRun(int code, String out, String err) {}

  private static CliRun cli(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cli = Main.commandLine();
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(new java.io.PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Compares id sets, showing a few differences rather than a thousand ids. */
  private static void assertSameIds(Set<String> expected, Set<String> actual, String message) {
    if (!expected.equals(actual)) {
      Set<String> extra = new java.util.TreeSet<>(actual);
      extra.removeAll(expected);
      Set<String> missing = new java.util.TreeSet<>(expected);
      missing.removeAll(actual);
      org.junit.jupiter.api.Assertions.fail(message + ": expected " + expected.size() + " articles, found " + actual.size()
          + "; extra " + extra.stream().limit(10).toList() + ", missing " + missing.stream().limit(10).toList());
    }
  }

  /** Starts {@code index} in a child JVM, kills it after {@code delay} ms; whether it was still running. */
  private boolean killAfter(long delay, Path corpus, Path index) throws Exception {
    Run run = start(corpus, index);
    boolean finished = run.process.waitFor(delay, TimeUnit.MILLISECONDS);
    if (!finished) {
      run.process.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
      assertTrue(run.process.waitFor(30, TimeUnit.SECONDS));
      return true;
    }
    assertEquals(0, run.process.exitValue(), run.err());
    return false;
  }

  private final class Run {
    final Process process;
    final Path err;
    /** When the process ended, taken as it ends rather than when we get round to asking. */
    final java.util.concurrent.CompletableFuture<Long> exited;

    Run(Process process, Path err) {
      this.process = process;
      this.err = err;
      this.exited = process.onExit().thenApply(p -> System.nanoTime());
    }

    String err() {
      try {
        return Files.readString(err);
      } catch (IOException e) {
        return e.toString();
      }
    }
  }

  private int runs;

  private Run start(Path corpus, Path index) throws IOException {
    Path out = work.resolve("run-" + (++runs) + ".out");
    Path err = work.resolve("run-" + runs + ".err");
    ProcessBuilder pb = ChildSteppe.command(false, out, err, "index", "--corpus", corpus.toString(), "--index", index.toString(),
        "--config", Path.of("index-config").toAbsolutePath().toString());
    return new Run(pb.start(), err);
  }

  private static int inProcessIndex(Path corpus, Path index, String... more) {
    List<String> args = new ArrayList<>(List.of("index", "--corpus", corpus.toString(), "--index", index.toString(),
        "--config", "index-config"));
    args.addAll(List.of(more));
    return Main.commandLine().execute(args.toArray(String[]::new));
  }

  /** The ids of the committed articles, read straight from the last commit; empty when there is none. */
  private static Set<String> committedIds(Path index) throws IOException {
    Set<String> ids = new HashSet<>();
    if (!Files.isDirectory(index)) {
      return ids;
    }
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        return ids;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        StoredFields stored = reader.storedFields();
        for (ScoreDoc sd : searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), Math.max(1, reader.maxDoc())).scoreDocs) {
          Document d = stored.document(sd.doc, Set.of(Fields.ID));
          assertTrue(ids.add(d.get(Fields.ID)), "no article twice: " + d.get(Fields.ID));
        }
      }
      assertClean(index);
    }
    return ids;
  }

  /** CheckIndex takes the write lock itself: it passing also proves a dead process's lock is gone. */
  private static void assertClean(Path index) throws IOException {
    try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      check.setInfoStream(null);
      assertTrue(check.checkIndex().clean, "CheckIndex finds the index clean");
    }
  }

  private static void assertSearchable(Path index, String query, int atLeast) throws IOException {
    try (Steppe steppe = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
      long hits = steppe.searchArticles(SearchRequest.of(query)).total();
      assertTrue(hits >= atLeast, query + ": " + hits + " hits");
    }
  }

  private static Set<String> idsIn(Path corpus) {
    Corpus c = Corpus.open(corpus, SeedCorpus.CONFIG, IngestListener.SILENT);
    Set<String> ids = new HashSet<>();
    for (Path f : c.files()) {
      for (Article a : c.read(f)) {
        ids.add(a.id());
      }
    }
    return ids;
  }

  /** A file that takes the indexer a few seconds: the first Reuters stories, or generated ones without the dataset. */
  private static Path bigFile(Path dir) throws IOException {
    Files.createDirectories(dir);
    if (Files.isRegularFile(REUTERS)) {
      // Bytes kept as they are (ISO-8859-1 maps each byte to one char); cut after the STORIES-th story.
      String sgm = Files.readString(REUTERS, java.nio.charset.StandardCharsets.ISO_8859_1);
      int end = 0;
      for (int i = 0; i < STORIES && sgm.indexOf("</REUTERS>", end) >= 0; i++) {
        end = sgm.indexOf("</REUTERS>", end) + "</REUTERS>".length();
      }
      return Files.writeString(dir.resolve(REUTERS.getFileName()), sgm.substring(0, end) + "\n",
          java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    // Without shared/ beside the clone: one Reuters-format file of generated stories.
    StringBuilder sgm = new StringBuilder();
    String body = Files.readString(SeedCorpus.DIR.resolve("001_70616fac980b1ee6.txt"));
    for (int i = 1; i <= STORIES; i++) {
      sgm.append("<REUTERS NEWID=\"").append(i).append("\"><TEXT><TITLE>Story ").append(i)
          .append("</TITLE><BODY>").append(body.replace("<", " ").replace("&", " ")).append("</BODY></TEXT></REUTERS>\n");
    }
    return Files.writeString(dir.resolve("reut2-900.sgm"), sgm);
  }

  private static Path copyOf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return to;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }
}
