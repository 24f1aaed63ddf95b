package org.steppe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.document.Document;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.index.ArticleIndex;
import org.steppe.index.Fields;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * Brings an index in line with a corpus folder: adds new articles, replaces changed ones, removes
 * those whose file is gone, leaves the rest and the articles put from code, and commits once.
 * Files are read and enriched on every core, with the index's own configuration.
 */
final class CorpusSync {
  private final ArticleIndex index;
  private final int threads;

  CorpusSync(ArticleIndex index, int threads) {
    this.index = index;
    this.threads = Math.max(1, threads);
  }

  /** One run; problems with single files are reported in the summary, never thrown. */
  IndexSummary run(Path corpusRoot, IndexProgress progress) throws IOException {
    long t0 = System.nanoTime();
    List<IndexSummary.Problem> skipped = Collections.synchronizedList(new ArrayList<>());
    List<IndexSummary.Problem> warnings = Collections.synchronizedList(new ArrayList<>());
    IngestListener listener = new IngestListener() {
      @Override
      public void skipped(String file, String reason) {
        skipped.add(new IndexSummary.Problem(file, reason));
      }

      @Override
      public void warning(String file, String message) {
        warnings.add(new IndexSummary.Problem(file, message));
      }
    };
    Corpus corpus = Corpus.open(corpusRoot, index.setup().config(), listener);
    Map<String, Stored> before = storedArticles();
    List<Path> files = corpus.files();
    progress.started(files.size());

    Set<String> seenIds = ConcurrentHashMap.newKeySet();
    Set<String> liveFiles = new HashSet<>();
    for (Path f : files) {
      liveFiles.add(corpusRoot.relativize(f).toString().replace('\\', '/'));
    }
    AtomicInteger added = new AtomicInteger();
    AtomicInteger updated = new AtomicInteger();
    AtomicInteger unchanged = new AtomicInteger();
    AtomicLong entities = new AtomicLong();
    AtomicLong quotes = new AtomicLong();

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (Path file : files) {
        jobs.add(pool.submit(() -> {
          for (Article a : corpus.read(file)) {
            if (!seenIds.add(a.id())) {
              skipped.add(new IndexSummary.Problem(a.file(), "duplicate article id " + a.id() + "; the first one read is kept"));
              continue;
            }
            Stored old = before.get(a.id());
            if (old != null && old.fromCode()) {
              skipped.add(new IndexSummary.Problem(a.file(), "article id " + a.id()
                  + " belongs to an article put from code, which a corpus run never replaces"));
              continue;
            }
            if (old != null && old.fingerprint().equals(index.fingerprint(a))) {
              unchanged.incrementAndGet();
              continue;
            }
            EnrichedArticle e = put(a);
            entities.addAndGet(e.mentions().size());
            quotes.addAndGet(e.quotes().size());
            (old == null ? added : updated).incrementAndGet();
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
      throw new IOException("indexing was interrupted; the index keeps its last commit", e);
    } catch (ExecutionException e) {
      throw new IOException("indexing failed; the index keeps its last commit: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }

    // An article is removed only when its file is gone: a file that failed to read this time keeps
    // its last good version rather than losing it.
    int removed = 0;
    for (Map.Entry<String, Stored> old : before.entrySet()) {
      if (!old.getValue().fromCode() && !seenIds.contains(old.getKey()) && !liveFiles.contains(old.getValue().file())) {
        index.delete(old.getKey());
        removed++;
      }
    }
    Map<String, String> data = new HashMap<>();
    data.put("corpus", corpusRoot.toAbsolutePath().normalize().toString());
    index.commit(data);
    int articles = (int) seenIds.stream().filter(id -> before.get(id) == null || !before.get(id).fromCode()).count()
        + (int) before.keySet().stream()
        .filter(id -> !seenIds.contains(id) && !before.get(id).fromCode() && liveFiles.contains(before.get(id).file())).count();
    return new IndexSummary(files.size(), articles, added.get(), updated.get(), unchanged.get(), removed,
        entities.get(), quotes.get(), List.copyOf(skipped), List.copyOf(warnings), (System.nanoTime() - t0) / 1_000_000);
  }

  private EnrichedArticle put(Article a) {
    try {
      return index.put(a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An article in the index: its fingerprint, its file, and whether it was put from code. */
  private record Stored(String fingerprint, String file, boolean fromCode) {}

  /**
   * The articles' ids with their fingerprints, files and origins, as the writer has them (what was
   * put but not committed yet included, so a run never replaces an article just put from code).
   */
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
