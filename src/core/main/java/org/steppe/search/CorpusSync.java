package org.steppe.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.AlreadyClosedException;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.index.ArticleStore;
import org.steppe.index.ArticleStore.Stored;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.ingest.Manifest;

/**
 * Brings an index in line with a corpus folder: adds new articles, replaces changed ones, removes
 * those whose file is gone, leaves the rest and the articles put from code, and commits once.
 * Files are read and enriched on every core, with the index's own configuration.
 *
 * <p>What cannot be read is never taken for gone: a corpus root that is missing or unreadable
 * stops the run before anything changes; a folder that cannot be listed, a file that cannot be
 * read and an article that cannot be enriched keep what was indexed from them. A run that would
 * remove more than its {@link RemovalLimit} allows changes nothing.
 */
final class CorpusSync {
  private final ArticleStore index;
  private final int threads;

  CorpusSync(ArticleStore index, int threads) {
    this.index = index;
    this.threads = Math.max(1, threads);
  }

  /**
   * One run; problems with single files are reported in the summary, never thrown.
   *
   * @throws org.steppe.ingest.UnreadableCorpusException when the corpus folder itself cannot be read
   * @throws TooManyRemovalsException when the run would remove more than {@code limit} allows
   */
  IndexSummary run(Path corpusRoot, IndexProgress progress, RemovalLimit limit) throws IOException {
    return run(corpusRoot, progress, limit, null);
  }

  /**
   * A run that reads only the files that changed: those at or under the {@code changed} paths
   * (relative, {@code /}-separated). Every other file listed keeps what the index holds from it;
   * files no longer listed lose their articles as in a full run.
   *
   * @param changed the paths that changed since the last run, or {@code null} to read every file
   */
  IndexSummary run(Path corpusRoot, IndexProgress progress, RemovalLimit limit, Set<String> changed) throws IOException {
    long t0 = System.nanoTime();
    if (changed != null && changed.contains(Manifest.FILE)) {
      changed = null; // the manifest states metadata for any file: every file is read again
    }
    Problems problems = new Problems();
    Corpus corpus = Corpus.open(corpusRoot, index.setup().config(), problems);
    Corpus.Listing listing = corpus.list();
    Map<String, Stored> before = index.storedArticles();
    List<Path> files = listing.files();
    Set<String> listed = new HashSet<>();
    for (Path f : files) {
      listed.add(relative(corpusRoot, f));
    }
    if (!index.canDiscard()) {
      // Writes cannot be taken back once made: find what the run would remove before writing anything.
      Pass dryRun = pass(corpus, corpusRoot, files, changed, before, null, new Problems(), IndexProgress.NONE);
      List<String> removals = removals(before, dryRun, listed, listing);
      checkLimit(limit, removals.size(), before, corpusRoot);
    }
    progress.started(files.size());
    Counts counts = new Counts();
    Pass pass = pass(corpus, corpusRoot, files, changed, before, counts, problems, progress);
    List<String> removals = removals(before, pass, listed, listing);
    int fromCorpus = (int) before.values().stream().filter(v -> !v.fromCode()).count();
    // Kept as last indexed: found again but not enriched this time, or neither found nor gone (unreadable).
    Set<String> gone = new HashSet<>(removals);
    int kept = (int) before.entrySet().stream().filter(e -> !e.getValue().fromCode() && !gone.contains(e.getKey())
        && (!pass.claims().claimed(e.getKey()) || pass.failedIds().contains(e.getKey()))).count();
    checkLimit(limit, removals.size(), before, corpusRoot);
    for (String id : removals) {
      index.delete(id);
    }
    Map<String, String> data = new HashMap<>();
    data.put("corpus", corpusRoot.toAbsolutePath().normalize().toString());
    index.commit(data);
    int articles = fromCorpus - removals.size() + counts.added.get();
    return new IndexSummary(files.size(), articles, counts.added.get(), counts.updated.get(), counts.unchanged.get(),
        removals.size(), kept, counts.entities.get(), counts.quotes.get(), problems.skipped(), problems.warnings(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** What one pass over the files saw: the ids claimed, the files that yielded articles, the articles that failed. */
  private record Pass(IdClaims claims, Set<String> usedFiles, Set<String> failedIds) {}

  /**
   * Reads every file (or the {@code changed} ones) on every core and claims its articles' ids in path order; with {@code counts},
   * also brings each article up to date in the store, else only reads (a dry run).
   */
  private Pass pass(Corpus corpus, Path corpusRoot, List<Path> files, Set<String> changed, Map<String, Stored> before,
      Counts counts, Problems problems, IndexProgress progress) throws IOException {
    IdClaims claims = new IdClaims(files.size());
    Map<String, List<String>> heldBy = new HashMap<>();
    if (changed != null) {
      for (Map.Entry<String, Stored> e : before.entrySet()) {
        if (!e.getValue().fromCode()) {
          heldBy.computeIfAbsent(e.getValue().file(), f -> new ArrayList<>()).add(e.getKey());
        }
      }
    }
    Set<String> usedFiles = ConcurrentHashMap.newKeySet(); // files that yielded articles this time
    Set<String> failedIds = ConcurrentHashMap.newKeySet(); // articles whose enrichment failed
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        int number = i;
        Path file = files.get(i);
        String rel = relative(corpusRoot, file);
        if (!within(rel, changed)) {
          List<String> held = heldBy.getOrDefault(rel, List.of());
          jobs.add(pool.submit(() -> {
            claims.claimHeld(number, rel, held);
            return null;
          }));
          continue;
        }
        // Submitted in path order, so every earlier file has started when a file waits for its claims.
        jobs.add(pool.submit(() -> {
          progress.fileStarted(file.toString());
          List<Article> read = corpus.read(file);
          if (!read.isEmpty()) {
            usedFiles.add(read.get(0).file());
          }
          for (Article a : claims.claim(number, read, problems::duplicate)) {
            if (counts != null) {
              sync(a, before.get(a.id()), counts, problems, failedIds);
            }
          }
          progress.fileDone(file.toString());
          return null;
        }));
      }
      if (counts != null) {
        // Queued after every file: a thread that finds no file left flushes a buffer while the others finish theirs.
        for (int t = 0; t < threads; t++) {
          jobs.add(pool.submit(() -> {
            index.flushSome();
            return null;
          }));
        }
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      discard();
      throw new IOException("indexing was interrupted; the index keeps its last commit", e);
    } catch (ExecutionException e) {
      discard();
      throw new IOException("indexing failed; the index keeps its last commit: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Pass(claims, usedFiles, failedIds);
  }

  private void discard() throws IOException {
    if (index.canDiscard()) {
      index.discardChanges();
    }
  }

  /**
   * The corpus articles a pass found gone: its file is not in the corpus any more, or was read
   * and no longer holds it. A file that was listed but yielded nothing, or hides in a folder that
   * could not be listed, is unreadable this time, not empty: its articles stay as they were.
   * Articles put from code are never the corpus's to remove.
   */
  private static List<String> removals(Map<String, Stored> before, Pass pass, Set<String> listed, Corpus.Listing listing) {
    List<String> removals = new ArrayList<>();
    for (Map.Entry<String, Stored> old : before.entrySet()) {
      String file = old.getValue().file();
      if (old.getValue().fromCode() || pass.claims().claimed(old.getKey())) {
        continue;
      }
      if (pass.usedFiles().contains(file) || (!listed.contains(file) && !listing.hides(file))) {
        removals.add(old.getKey());
      }
    }
    return removals;
  }

  /** Stops the run, changing nothing more, when it would remove more than {@code limit} allows. */
  private void checkLimit(RemovalLimit limit, int removals, Map<String, Stored> before, Path corpusRoot) throws IOException {
    int fromCorpus = (int) before.values().stream().filter(v -> !v.fromCode()).count();
    if (!limit.allows(removals, fromCorpus)) {
      discard();
      throw new TooManyRemovalsException(removals, fromCorpus, limit, corpusRoot.toString());
    }
  }

  /** Puts one article unless the index already holds this version; a failure keeps the stored version. */
  private void sync(Article a, Stored old, Counts counts, Problems problems, Set<String> failedIds) throws IOException {
    String where = a.file().equals(a.id()) ? a.file() : a.file() + "#" + a.id();
    try {
      if (old != null && old.fromCode()) {
        problems.skipped(where, "article id " + a.id() + " belongs to an article put from code, which a corpus run never replaces");
        return;
      }
      if (old != null && old.fingerprint().equals(index.fingerprint(a))) {
        counts.unchanged.incrementAndGet();
        return;
      }
      EnrichedArticle e = index.put(a);
      counts.entities.addAndGet(e.mentions().size());
      counts.quotes.addAndGet(e.quotes().size());
      (old == null ? counts.added : counts.updated).incrementAndGet();
    } catch (AlreadyClosedException e) {
      throw e; // the writer itself failed: the run cannot go on
    } catch (RuntimeException | StackOverflowError e) {
      // A bug or a pathological text in one article: it keeps its last indexed version, the run goes on.
      failedIds.add(a.id());
      problems.skipped(where, "could not be indexed (" + e + ")" + (old == null ? "" : "; its last indexed version is kept"));
    }
  }

  /** Whether {@code rel} is one of the {@code changed} paths or lies under one ({@code null}: all changed). */
  private static boolean within(String rel, Set<String> changed) {
    if (changed == null) {
      return true;
    }
    for (String p = rel; !p.isEmpty(); p = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "") {
      if (changed.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static final class Counts {
    final AtomicInteger added = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicLong entities = new AtomicLong();
    final AtomicLong quotes = new AtomicLong();
  }

  /** Collects what the summary reports about single files, from every thread. */
  private static final class Problems implements IngestListener {
    private final List<IndexSummary.Problem> skipped = Collections.synchronizedList(new ArrayList<>());
    private final List<IndexSummary.Problem> warnings = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void skipped(String file, String reason) {
      skipped.add(new IndexSummary.Problem(file, reason));
    }

    @Override
    public void warning(String file, String message) {
      warnings.add(new IndexSummary.Problem(file, message));
    }

    void duplicate(Article loser, String winnerFile) {
      String where = winnerFile.equals(loser.file()) ? "an earlier story in the same file" : winnerFile;
      warning(loser.file(), "article id " + loser.id() + " is also in " + where
          + ", which is kept (when files share an id, the first in path order wins)");
    }

    List<IndexSummary.Problem> skipped() {
      return sorted(skipped);
    }

    List<IndexSummary.Problem> warnings() {
      return sorted(warnings);
    }

    /** In file order, so two runs over the same corpus report the same way. */
    private static List<IndexSummary.Problem> sorted(List<IndexSummary.Problem> problems) {
      synchronized (problems) {
        List<IndexSummary.Problem> out = new ArrayList<>(problems);
        out.sort(java.util.Comparator.comparing(IndexSummary.Problem::file));
        return List.copyOf(out);
      }
    }
  }
}
