package org.steppe.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
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
  /** The root with every link resolved, once known: the boundary no file read may cross. */
  private volatile Path realRoot;

  private Corpus(Path root, List<ArticleFormat> formats, ArticleCleaner cleaner, IngestListener listener, long maxFileBytes) {
    this.root = root;
    this.formats = List.copyOf(formats);
    this.cleaner = cleaner;
    this.listener = listener;
    this.maxFileBytes = maxFileBytes;
    this.manifest = Manifest.load(root, listener);
  }

  /** The corpus under {@code root}, read with the {@link ArticleFormats#available() formats available} and the rules of {@code config}. */
  public static Corpus open(Path root, ConfigDir config, IngestListener listener) {
    return new Corpus(root, ArticleFormats.available(), ArticleCleaner.load(config), listener, DEFAULT_MAX_FILE_BYTES);
  }

  /** A copy that skips files larger than {@code bytes}. */
  public Corpus withMaxFileBytes(long bytes) {
    return new Corpus(root, formats, cleaner, listener, bytes);
  }

  public Path root() {
    return root;
  }

  /**
   * What a walk of the corpus found: the files some format accepts, sorted by path so runs are
   * repeatable, and the folders (or entries) that could not be listed, relative to the root.
   * Articles under an unlisted folder are unknown this time, not gone.
   */
  public record Listing(List<Path> files, List<String> unlisted) {
    public Listing {
      files = List.copyOf(files);
      unlisted = List.copyOf(unlisted);
    }

    /** Whether {@code relativeFile} lies in (or is) something that could not be listed. */
    public boolean hides(String relativeFile) {
      for (String u : unlisted) {
        if (relativeFile.equals(u) || relativeFile.startsWith(u + "/")) {
          return true;
        }
      }
      return false;
    }
  }

  /** Every file some format accepts, sorted by path; see {@link #list()}. */
  public List<Path> files() {
    try {
      return list().files();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Walks the corpus. Links are followed as long as they lead to somewhere under the corpus root
   * (by real path); links that lead outside are skipped with a warning, so the corpus cannot
   * expose other files on the machine.
   *
   * @throws IOException when the root itself is missing, not a folder or cannot be listed: a
   *     corpus that cannot be read says nothing about which articles are gone
   */
  public Listing list() throws IOException {
    Path boundary = resolveRoot();
    List<Path> out = new ArrayList<>();
    List<String> unlisted = new ArrayList<>();
    Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(root) && Files.isSymbolicLink(dir) && !inside(dir, boundary)) {
          listener.skipped(relative(dir), "a link to a folder outside the corpus folder: not read");
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        // A link that cannot be followed arrives with its own attributes: listed, so reading it reports why.
        if (attrs.isDirectory() || format(file).isEmpty()) {
          return FileVisitResult.CONTINUE;
        }
        if (Files.isSymbolicLink(file) && Files.exists(file) && !inside(file, boundary)) {
          listener.skipped(relative(file), "a link to a file outside the corpus folder: not read");
        } else {
          out.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (file.equals(root)) {
          throw unreadableRoot(e);
        }
        // A folder that cannot be listed hides its files this time; what was indexed from it stays.
        unlisted.add(relative(file));
        listener.skipped(relative(file), "cannot be listed: " + reason(e) + "; what was indexed from it is kept");
        return FileVisitResult.CONTINUE;
      }
    });
    out.sort(null);
    return new Listing(out, unlisted);
  }

  /** The root's real path, resolved once and kept for the checks at reading. */
  private Path realRoot() throws IOException {
    Path known = realRoot;
    return known != null ? known : resolveRoot();
  }

  /** Resolves the root's real path, or fails with a clear error when there is no readable folder there. */
  private Path resolveRoot() throws IOException {
    if (!Files.exists(root)) {
      throw new UnreadableCorpusException(root, "there is no corpus folder at " + root, null);
    }
    if (!Files.isDirectory(root)) {
      throw new UnreadableCorpusException(root, root + " is not a folder (the corpus is a folder of article files)", null);
    }
    if (!Files.isReadable(root)) {
      throw new UnreadableCorpusException(root, "cannot list the corpus folder " + root + ": permission denied", null);
    }
    realRoot = root.toRealPath();
    return realRoot;
  }

  private IOException unreadableRoot(IOException e) {
    return new UnreadableCorpusException(root, "cannot list the corpus folder " + root + ": " + reason(e), e);
  }

  /** Whether {@code path} resolves (following every link) to the corpus root or somewhere under it. */
  private static boolean inside(Path path, Path realRoot) {
    try {
      return path.toRealPath().startsWith(realRoot);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The articles of one file; a file that cannot be used is reported (by name, with the reason)
   * and yields none. Nothing a file holds makes this throw: a failure inside a format or the
   * cleaner is reported like an unreadable file, so one file never stops a run.
   */
  public List<Article> read(Path file) {
    String rel = relative(file);
    Optional<ArticleFormat> format = format(file);
    if (format.isEmpty()) {
      return List.of();
    }
    try {
      return read(file, rel, format.get());
    } catch (RuntimeException | StackOverflowError e) {
      listener.skipped(rel, "could not be read: " + e);
      return List.of();
    }
  }

  private List<Article> read(Path file, String rel, ArticleFormat format) {
    byte[] bytes;
    try {
      // Checked at reading too: the file may have been swapped for a link since it was listed.
      Path real = file.toRealPath();
      if (!real.startsWith(realRoot())) {
        listener.skipped(rel, "a link to a file outside the corpus folder: not read");
        return List.of();
      }
      long size = Files.size(real);
      if (size > maxFileBytes) {
        listener.skipped(rel, "too large: " + size / (1024 * 1024) + " MB, the limit is " + maxFileBytes / (1024 * 1024) + " MB");
        return List.of();
      }
      bytes = Files.readAllBytes(real);
    } catch (IOException e) {
      listener.skipped(rel, "cannot be read: " + reason(e));
      return List.of();
    }
    if (bytes.length == 0) {
      listener.skipped(rel, "empty file");
      return List.of();
    }
    List<Article> articles = new ArrayList<>();
    for (SourceDocument doc : format.read(rel, bytes, listener)) {
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
