package org.steppe.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.steppe.ingest.Article;

/**
 * Decides which file an article id belongs to when several files hold it: the first file in path
 * order (and the first story within a file), however the threads reading them are scheduled. Files
 * are read in parallel but claim their ids one after another in path order, so every run keeps
 * the same copy and an unchanged corpus re-indexes nothing. Thread-safe.
 */
final class IdClaims {
  /** Told about an article that lost its id to an earlier file. */
  interface Loser {
    void lost(Article article, String winnerFile);
  }

  private final Map<String, String> owners = new ConcurrentHashMap<>();
  private final List<CompletableFuture<Void>> claimed;

  /** Claims for {@code files} files, numbered in path order from 0. */
  IdClaims(int files) {
    claimed = new ArrayList<>(files);
    for (int i = 0; i < files; i++) {
      claimed.add(new CompletableFuture<>());
    }
  }

  /**
   * Claims the ids of file number {@code file}'s articles once every earlier file has claimed its
   * own, and returns the articles whose id no earlier file holds. Every file must call this once,
   * even with no articles, or later files wait for ever: callers run files in path order, so an
   * earlier file has always started.
   */
  List<Article> claim(int file, List<Article> articles, Loser loser) throws InterruptedException {
    try {
      if (file > 0) {
        claimed.get(file - 1).get();
      }
      List<Article> won = new ArrayList<>(articles.size());
      for (Article a : articles) {
        String owner = owners.putIfAbsent(a.id(), a.file());
        if (owner == null) {
          won.add(a);
        } else {
          loser.lost(a, owner);
        }
      }
      return won;
    } catch (ExecutionException e) {
      throw new IllegalStateException("claims are never completed exceptionally", e);
    } finally {
      claimed.get(file).complete(null);
    }
  }

  /**
   * Claims, for file number {@code file} that is not read this time, the ids the index holds from
   * it, in path order as {@link #claim} does; so a file read in the same run cannot take them
   * unless it comes first.
   */
  void claimHeld(int file, String fileName, Collection<String> ids) throws InterruptedException {
    try {
      if (file > 0) {
        claimed.get(file - 1).get();
      }
      for (String id : ids) {
        owners.putIfAbsent(id, fileName);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("claims are never completed exceptionally", e);
    } finally {
      claimed.get(file).complete(null);
    }
  }

  /** Whether some file of this run holds {@code id}. */
  boolean claimed(String id) {
    return owners.containsKey(id);
  }

  /** How many ids were claimed. */
  int size() {
    return owners.size();
  }
}
