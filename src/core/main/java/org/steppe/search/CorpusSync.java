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
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.index.ArticleIndex;
import org.steppe.index.Fields;
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
  private final ArticleIndex index;
  private final int threads;

  CorpusSync(ArticleIndex index, int threads) {
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
    Map<String, Stored> before = storedArticles();
    List<Path> files = listing.files();
    progress.started(files.size());

    Set<String> listed = new HashSet<>();
    for (Path f : files) {
      listed.add(relative(corpusRoot, f));
    }
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
    Counts counts = new Counts();

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
            sync(a, before.get(a.id()), counts, problems, failedIds);
          }
          progress.fileDone(file.toString());
          return null;
        }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      index.discardChanges();
      throw new IOException("indexing was interrupted; the index keeps its last commit", e);
    } catch (ExecutionException e) {
      index.discardChanges();
      throw new IOException("indexing failed; the index keeps its last commit: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }

    List<String> removals = new ArrayList<>();
    int kept = 0;
    int fromCorpus = 0;
    for (Map.Entry<String, Stored> old : before.entrySet()) {
      if (old.getValue().fromCode()) {
        continue; // the corpus's to add, update and remove; never an article put from code
      }
      fromCorpus++;
      String id = old.getKey();
      String file = old.getValue().file();
      if (claims.claimed(id)) {
        kept += failedIds.contains(id) ? 1 : 0;
        continue;
      }
      // Gone: its file is not in the corpus any more, or was read and no longer holds it. A file
      // that was listed but yielded nothing, or hides in a folder that could not be listed, is
      // unreadable this time, not empty: its articles stay as they were.
      if (usedFiles.contains(file) || (!listed.contains(file) && !listing.hides(file))) {
        removals.add(id);
      } else {
        kept++;
      }
    }
    if (!limit.allows(removals.size(), fromCorpus)) {
      index.discardChanges();
      throw new TooManyRemovalsException(removals.size(), fromCorpus, limit, corpusRoot.toString());
    }
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

  /** An article in the index: its fingerprint, its file, and whether it was put from code. */
  private record Stored(String fingerprint, String file, boolean fromCode) {}

  /** The articles' ids with their fingerprints, files and origins, as the writer has them. */
  private Map<String, Stored> storedArticles() throws IOException {
    Map<String, Stored> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(index.writer())) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery articles = new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE));
      StoredFields stored = reader.storedFields();
      int n = Math.max(1, reader.maxDoc());
      for (ScoreDoc sd : searcher.search(articles, n).scoreDocs) {
        Document d = stored.document(sd.doc, Set.of(Fields.ID, Fields.FINGERPRINT, Fields.FILE, Fields.ORIGIN));
        out.put(d.get(Fields.ID), new Stored(d.get(Fields.FINGERPRINT), d.get(Fields.FILE),
            Fields.ORIGIN_CODE.equals(d.get(Fields.ORIGIN))));
      }
    }
    return out;
  }
}
