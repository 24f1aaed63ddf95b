package org.steppe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.steppe.config.ConfigDir;

/**
 * A folder of article files, read recursively. Finding files and reading one file are separate
 * steps so that files can be read in parallel; instances are thread-safe.
 */
public final class Corpus {
  /** Files larger than this are skipped by default: they are dumps, not articles. */
  public static final long DEFAULT_MAX_FILE_BYTES = 32L * 1024 * 1024;

  private final Path root;
  private final List<ArticleFormat> formats;
  private final ArticleCleaner cleaner;
  private final Manifest manifest;
  private final IngestListener listener;
  private final long maxFileBytes;

  private Corpus(Path root, List<ArticleFormat> formats, ArticleCleaner cleaner, IngestListener listener, long maxFileBytes) {
    this.root = root;
    this.formats = List.copyOf(formats);
    this.cleaner = cleaner;
    this.listener = listener;
    this.maxFileBytes = maxFileBytes;
    this.manifest = Manifest.load(root, listener);
  }

  /** The corpus under {@code root}, read with the formats Steppe knows and the rules of {@code config}. */
  public static Corpus open(Path root, ConfigDir config, IngestListener listener) {
    return new Corpus(root, defaultFormats(), ArticleCleaner.load(config), listener, DEFAULT_MAX_FILE_BYTES);
  }

  /** A copy that skips files larger than {@code bytes}. */
  public Corpus withMaxFileBytes(long bytes) {
    return new Corpus(root, formats, cleaner, listener, bytes);
  }

  /** Plain text, Reuters-21578 SGML, web pages, RSS/Atom feeds and JSON Lines. */
  public static List<ArticleFormat> defaultFormats() {
    return List.of(new PlainTextFormat(), new ReutersSgmlFormat(), new HtmlFormat(), new FeedFormat(), new JsonLinesFormat());
  }

  public Path root() {
    return root;
  }

  /** Every file some format accepts, sorted by path so runs are repeatable. */
  public List<Path> files() {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          // A link that cannot be followed arrives with its own attributes: listed, so reading it reports why.
          if (!attrs.isDirectory() && format(file).isPresent()) {
            out.add(file);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          listener.skipped(relative(file), "cannot be opened: " + reason(e));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus folder " + root, e);
    }
    out.sort(null);
    return out;
  }

  /** The articles of one file; a file that cannot be used is reported and yields none. */
  public List<Article> read(Path file) {
    String rel = relative(file);
    Optional<ArticleFormat> format = format(file);
    if (format.isEmpty()) {
      return List.of();
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxFileBytes) {
        listener.skipped(rel, "too large: " + size / (1024 * 1024) + " MB, the limit is " + maxFileBytes / (1024 * 1024) + " MB");
        return List.of();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      listener.skipped(rel, "cannot be read: " + reason(e));
      return List.of();
    }
    if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
      listener.skipped(rel, "empty file");
      return List.of();
    }
    List<Article> articles = new ArrayList<>();
    for (SourceDocument doc : format.get().read(rel, bytes, listener)) {
      Article article = cleaner.clean(doc, manifest.statedFor(doc));
      if (article.kept().isEmpty()) {
        listener.skipped(rel.equals(doc.id()) ? rel : rel + "#" + doc.id(), "no article text once boilerplate is removed");
      } else {
        articles.add(article);
      }
    }
    return articles;
  }

  private Optional<ArticleFormat> format(Path file) {
    if (file.equals(root.resolve(Manifest.FILE))) {
      return Optional.empty(); // the sidecar manifest states metadata; it holds no articles
    }
    return formats.stream().filter(f -> f.accepts(file)).findFirst();
  }

  private String relative(Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static String reason(IOException e) {
    return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
