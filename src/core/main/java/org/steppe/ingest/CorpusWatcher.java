package org.steppe.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Watches a corpus folder and everything under it, and hands over what changed in batches: once
 * the folder has been quiet for a moment (or a burst has gone on for a while), the paths created,
 * modified or deleted since the last batch, relative to the root. A burst of files is one batch.
 * When the system lost track (too many events at once), the batch is {@code null}: everything may
 * have changed. Runs on its own daemon thread until closed.
 */
public final class CorpusWatcher implements Closeable {
  /** Told about each batch, on the watcher's thread. */
  public interface Batches {
    /**
     * @param changed relative paths (with {@code /}) of files and folders that appeared, changed or
     *     went; {@code null} when any file may have changed
     */
    void changed(Set<String> changed);
  }

  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private final Batches batches;
  private final long quietNanos;
  private final long maxDelayNanos;
  private final Thread thread;
  private volatile boolean closed;

  private CorpusWatcher(Path root, Batches batches, Duration quiet, Duration maxDelay) throws IOException {
    this.root = root;
    this.batches = batches;
    this.quietNanos = quiet.toNanos();
    this.maxDelayNanos = maxDelay.toNanos();
    this.service = root.getFileSystem().newWatchService();
    try {
      registerTree(root);
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    this.thread = new Thread(this::loop, "steppe-corpus-watch");
    thread.setDaemon(true);
  }

  /**
   * Starts watching {@code root}: every folder under it is watched from now on, so a change made
   * after this returns is in some batch.
   *
   * @param quiet how long the folder must be still before a batch is handed over
   * @param maxDelay how long a burst may go on before a batch is handed over anyway
   */
  public static CorpusWatcher start(Path root, Batches batches, Duration quiet, Duration maxDelay) throws IOException {
    CorpusWatcher w = new CorpusWatcher(root, batches, quiet, maxDelay);
    w.thread.start();
    return w;
  }

  private void loop() {
    Set<String> pending = new TreeSet<>();
    boolean everything = false;
    long first = 0;
    long last = 0;
    try {
      while (!closed) {
        long now = System.nanoTime();
        boolean waiting = everything || !pending.isEmpty();
        long timeout = waiting ? Math.max(1, Math.min(last + quietNanos, first + maxDelayNanos) - now) : TimeUnit.SECONDS.toNanos(1);
        WatchKey key = service.poll(timeout, TimeUnit.NANOSECONDS);
        now = System.nanoTime();
        if (key != null) {
          everything |= collect(key, pending);
          if (!waiting) {
            first = now;
          }
          last = now;
          waiting = everything || !pending.isEmpty();
        }
        // Handed over when the folder has been still for a moment, or when a burst has gone on long
        // enough: files that keep arriving are indexed as they come, a few seconds apart.
        if (waiting && (now - last >= quietNanos || now - first >= maxDelayNanos)) {
          Set<String> batch = everything ? null : Set.copyOf(pending);
          pending.clear();
          everything = false;
          first = 0;
          batches.changed(batch);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  /** Adds the key's events to {@code pending}; true when events were lost. */
  private boolean collect(WatchKey key, Set<String> pending) {
    Path folder = folders.get(key);
    boolean lost = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
        lost = true;
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      pending.add(relative(path));
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try {
          registerTree(path); // a new folder: its files, some perhaps already written, are in the batch as the folder
        } catch (IOException e) {
          lost = true;
        }
      }
    }
    if (!key.reset()) {
      folders.remove(key); // the folder is gone
    }
    return lost;
  }

  private void registerTree(Path start) throws IOException {
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        folders.put(key, dir);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // an unreadable folder is reported by the sync that reads it
      }
    });
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  /** Stops watching; a batch being handed over finishes first. */
  @Override
  public void close() throws IOException {
    closed = true;
    service.close();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(60));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
