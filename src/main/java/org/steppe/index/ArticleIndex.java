package org.steppe.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.ArticleCleaner;

/**
 * An index on disk and the one writer allowed to change it: puts and deletes articles (with
 * their quotes, as one block) and commits. Nothing is visible to readers before {@link #commit};
 * a crash before it leaves the last commit intact. Thread-safe: articles may be put from many
 * threads.
 */
public final class ArticleIndex implements Closeable {
  /** Bump when enrichment or the schema changes in code, so every article is re-indexed. */
  static final String PIPELINE_VERSION = "1";
  private static final List<String> CONFIG_FILES = List.of("boilerplate.yaml", "metadata.yaml", "sources.yaml",
      "gazetteer.yaml", "person-rules.yaml", "speech-verbs.txt", "analysis.yaml", "synonyms.txt");

  private final Path path;
  private final Directory directory;
  /** Replaced only by {@link #discardChanges}, which must reopen the writer that rollback closes. */
  private volatile IndexWriter writer;
  private final Enricher enricher;
  private final ArticleCleaner cleaner;
  private final Analysis analysis;
  private final DocumentBuilder builder;
  private final String configFingerprint;

  private ArticleIndex(Path path, Directory directory, IndexWriter writer, Enricher enricher, ArticleCleaner cleaner,
      Analysis analysis, String configFingerprint) {
    this.path = path;
    this.cleaner = cleaner;
    this.directory = directory;
    this.writer = writer;
    this.enricher = enricher;
    this.analysis = analysis;
    this.builder = new DocumentBuilder(DocumentBuilder.facetsConfig());
    this.configFingerprint = configFingerprint;
  }

  /**
   * Opens (or creates) the index at {@code path} for writing.
   *
   * @throws IndexLockedException when another writer holds the index
   */
  public static ArticleIndex open(Path path, ConfigDir config) throws IOException {
    Enricher enricher = Enricher.load(config);
    Analysis analysis = Analysis.load(config, enricher.gazetteer());
    // Every configuration file is read before the index is opened: a mistake in one leaves no writer (and no lock) behind.
    ArticleCleaner cleaner = ArticleCleaner.load(config);
    String configFingerprint = config.fingerprint(CONFIG_FILES);
    Files.createDirectories(path);
    Directory dir = FSDirectory.open(path);
    try {
      IndexWriter writer = openWriter(dir, analysis);
      return new ArticleIndex(path, dir, writer, enricher, cleaner, analysis, configFingerprint);
    } catch (LockObtainFailedException e) {
      dir.close();
      throw new IndexLockedException(path.toString(), e);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  private static IndexWriter openWriter(Directory dir, Analysis analysis) throws IOException {
    IndexWriterConfig iwc = new IndexWriterConfig(analysis.indexAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setSimilarity(analysis.similarity())
        .setRAMBufferSizeMB(128)
        // Changes become visible only through commit(): a failed run must not publish half its work.
        .setCommitOnClose(false);
    return new IndexWriter(dir, iwc);
  }

  public Path path() {
    return path;
  }

  public Directory directory() {
    return directory;
  }

  /** The writer, for near-real-time readers. Do not close it: close this index. */
  public IndexWriter writer() {
    return writer;
  }

  public Enricher enricher() {
    return enricher;
  }

  /** The cleaner configured for this index, for articles that arrive from code rather than files. */
  public ArticleCleaner cleaner() {
    return cleaner;
  }

  public Analysis analysis() {
    return analysis;
  }

  public FacetsConfig facetsConfig() {
    return DocumentBuilder.facetsConfig();
  }

  /** What decides whether a stored article is current: its text, metadata and the configuration. */
  public String fingerprint(Article a) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {PIPELINE_VERSION, configFingerprint, a.id(), a.file(), a.text(),
          String.valueOf(a.kept()), String.valueOf(a.metadata())}) {
        md.update(part.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Enriches an article and adds it, replacing any article with the same id and its quotes. */
  public EnrichedArticle put(Article article) throws IOException {
    EnrichedArticle enriched = enricher.enrich(article);
    List<Document> docs = builder.build(enriched, fingerprint(article));
    writer.updateDocuments(new Term(Fields.ARTICLE_ID, article.id()), docs);
    return enriched;
  }

  /** Removes an article and its quotes. */
  public void delete(String articleId) throws IOException {
    writer.deleteDocuments(new Term(Fields.ARTICLE_ID, articleId));
  }

  /** Makes every change since the last commit durable and visible, atomically. */
  public void commit(Map<String, String> userData) throws IOException {
    Map<String, String> data = new HashMap<>(userData);
    data.put("pipeline", PIPELINE_VERSION);
    data.put("config", configFingerprint);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /**
   * Drops every change since the last commit and carries on writing from it: a sync that stops
   * half way leaves nothing behind for a later {@link #commit} to publish.
   */
  public synchronized void discardChanges() throws IOException {
    writer.rollback(); // closes the writer and frees the lock
    try {
      writer = openWriter(directory, analysis);
    } catch (LockObtainFailedException e) {
      throw new IndexLockedException(path.toString(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (writer.isOpen()) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
