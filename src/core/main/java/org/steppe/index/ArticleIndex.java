package org.steppe.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.ingest.Article;

/**
 * An index and the one writer allowed to change it: puts and deletes articles (with their quotes,
 * as one block) and commits. Nothing is visible to readers before {@link #commit}; a crash before
 * it leaves the last commit intact. Thread-safe: articles may be put from many threads.
 */
public final class ArticleIndex implements ArticleStore, Closeable {
  /** Bump when enrichment or the schema changes in code, so every article is re-indexed. */
  static final String PIPELINE_VERSION = "3";
  /**
   * Bump when a field changes how Lucene stores it (doc values, index options): Lucene refuses a
   * document whose field differs from the same field in the index's segments, so an index of
   * another layout must be rebuilt, not updated. 2: keywords without doc values, no typed-entity
   * field, no facet dimension terms (issue 16).
   */
  static final String LAYOUT_VERSION = "2";
  private static final String LAYOUT_KEY = "layout";

  private final Directory directory;
  /** Replaced only by {@link #discardChanges}, which must reopen the writer that rollback closes. */
  private volatile IndexWriter writer;
  private final IndexSetup setup;
  private final DocumentBuilder builder;

  private ArticleIndex(Directory directory, IndexWriter writer, IndexSetup setup) {
    this.directory = directory;
    this.writer = writer;
    this.setup = setup;
    this.builder = new DocumentBuilder(DocumentBuilder.facetsConfig());
  }

  /**
   * Opens (or creates) the index in {@code directory} for writing. The directory stays the
   * caller's: closing this index does not close it.
   *
   * @throws org.apache.lucene.store.LockObtainFailedException when another writer holds the index
   */
  public static ArticleIndex open(Directory directory, IndexSetup setup) throws IOException {
    return new ArticleIndex(directory, openWriter(directory, setup), setup);
  }

  private static IndexWriter openWriter(Directory directory, IndexSetup setup) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(setup.analysis().indexAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setSimilarity(setup.analysis().similarity())
        .setRAMBufferSizeMB(setup.ramBufferMb())
        // Changes become visible only through commit(): a failed run must not publish half its work.
        .setCommitOnClose(false);
    return new IndexWriter(directory, iwc);
  }

  public Directory directory() {
    return directory;
  }

  /**
   * Why this version cannot write into the index in {@code dir}, in words for the person who
   * opened it; empty when it can (no index yet, an empty one, or one of this layout).
   */
  public static Optional<String> layoutDifference(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return Optional.empty();
    }
    SegmentInfos latest = SegmentInfos.readLatestCommit(dir);
    String built = latest.getUserData().getOrDefault(LAYOUT_KEY, "1");
    if (latest.totalMaxDoc() == 0 || built.equals(LAYOUT_VERSION)) {
      return Optional.empty();
    }
    return Optional.of("it was written by another version of Steppe, with field layout " + built
        + "; this version writes layout " + LAYOUT_VERSION);
  }

  /** The writer, for near-real-time readers. Do not close it: close this index. */
  public IndexWriter writer() {
    return writer;
  }

  /** What this index is written with. */
  @Override
  public IndexSetup setup() {
    return setup;
  }

  /** What decides whether a stored article is current: its text, metadata and the configuration. */
  @Override
  public String fingerprint(Article a) {
    return fingerprint(setup, a);
  }

  /** The fingerprint of {@code a} under {@code setup}, the same for every engine. */
  public static String fingerprint(IndexSetup setup, Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {PIPELINE_VERSION, setup.fingerprint(), a.id(), a.file(), a.text(),
          String.valueOf(a.kept()), String.valueOf(a.metadata())}) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The articles' ids with their fingerprints, files and origins, as the writer has them. */
  @Override
  public Map<String, Stored> storedArticles() throws IOException {
    Map<String, Stored> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
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

  /** Enriches a corpus article and adds it, replacing any article with the same id and its quotes. */
  @Override
  public EnrichedArticle put(Article article) throws IOException {
    EnrichedArticle enriched = setup.enricher().enrich(article);
    write(enriched, Fields.ORIGIN_CORPUS);
    return enriched;
  }

  /**
   * Adds an enriched article, replacing any article with the same id and its quotes.
   *
   * @param origin {@link Fields#ORIGIN_CORPUS} or {@link Fields#ORIGIN_CODE}
   */
  public void write(EnrichedArticle enriched, String origin) throws IOException {
    List<Document> docs = builder.build(enriched, fingerprint(enriched.article()), origin);
    writer.updateDocuments(new Term(Fields.ARTICLE_ID, enriched.article().id()), docs);
  }

  /**
   * Flushes the largest buffer no thread is writing to into a segment of its own, which no commit
   * references yet: a crash still leaves the last commit, and {@link #discardChanges} drops it.
   * Lucene's commit flushes every buffer on the committing thread alone; flushing one here, on a
   * thread with nothing else to do, keeps the other core busy (issue 16).
   */
  @Override
  public void flushSome() throws IOException {
    writer.flushNextBuffer();
  }

  /** Removes an article and its quotes. */
  @Override
  public void delete(String articleId) throws IOException {
    writer.deleteDocuments(new Term(Fields.ARTICLE_ID, articleId));
  }

  /** Removes every article and quote. */
  public void deleteAll() throws IOException {
    writer.deleteAll();
  }

  /**
   * Makes every change since the last commit durable and visible, atomically; the commit records
   * the pipeline version, the configuration's fingerprint and the analysis pin.
   */
  @Override
  public void commit(Map<String, String> userData) throws IOException {
    Map<String, String> data = new HashMap<>(userData);
    data.put("pipeline", PIPELINE_VERSION);
    data.put(LAYOUT_KEY, LAYOUT_VERSION);
    data.put("config", setup.fingerprint());
    data.putAll(setup.analysis().pin().userData());
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** A Lucene writer can roll back to its last commit. */
  @Override
  public boolean canDiscard() {
    return true;
  }

  /**
   * Drops every change since the last commit and carries on writing from it: a sync that stops
   * half way leaves nothing behind for a later {@link #commit} to publish.
   */
  @Override
  public synchronized void discardChanges() throws IOException {
    writer.rollback(); // closes the writer and frees the lock
    writer = openWriter(directory, setup);
  }

  /** Closes the writer, dropping what was not committed; the directory stays open. */
  @Override
  public void close() throws IOException {
    if (writer.isOpen()) {
      writer.close();
    }
  }
}
