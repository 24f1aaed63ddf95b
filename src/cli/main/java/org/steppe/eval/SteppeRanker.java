package org.steppe.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.steppe.search.ArticleHit;
import org.steppe.search.IndexProgress;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.WritableSteppe;

/**
 * Steppe as a newsroom would run it on a collection: every document written as a corpus file (a
 * title line, a blank line, the text), indexed with the whole pipeline of a configuration, and
 * searched through {@link Steppe#searchArticles} with the query exactly as typed, as
 * {@code /api/search} does with {@code q}.
 */
public final class SteppeRanker implements RelevanceEvaluation.Ranker, AutoCloseable {
  private final Steppe steppe;
  private final Map<String, String> docnoByFile = new HashMap<>();

  /**
   * @param work a scratch folder: the corpus and the index are written under it (an index left
   *     there by an earlier run is brought up to date, not rebuilt)
   */
  public SteppeRanker(Map<String, TestCollection.Doc> documents, SteppeConfig config, Path work) throws IOException {
    Path corpus = Files.createDirectories(work.resolve("corpus"));
    for (Map.Entry<String, TestCollection.Doc> d : documents.entrySet()) {
      String file = d.getKey().replaceAll("[^A-Za-z0-9._-]", "_") + ".txt";
      if (docnoByFile.put(file, d.getKey()) != null) {
        throw new IOException("two document numbers map to the file name " + file);
      }
      String title = d.getValue().title();
      // Abstracts come hard-wrapped; a newsroom's file has the paragraph on one line. A text whose
      // collection stripped its punctuation (Vaswani) gets its full stop back, or its first line
      // would pass for a headline.
      String text = d.getValue().text().replaceAll("\\s*\\n\\s*", " ").strip();
      if (title == null && !text.isEmpty() && Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
        text += ".";
      }
      Files.writeString(corpus.resolve(file), (title == null ? "" : title.replaceAll("\\s+", " ").strip() + "\n\n") + text,
          StandardCharsets.UTF_8);
    }
    WritableSteppe writable = Steppe.openWritable(work.resolve("index"), config);
    try {
      writable.indexCorpus(corpus, IndexProgress.NONE);
    } catch (IOException | RuntimeException e) {
      writable.close();
      throw e;
    }
    this.steppe = writable;
  }

  @Override
  public List<String> rank(String query, int depth) throws IOException {
    List<String> out = new ArrayList<>();
    SearchRequest request = SearchRequest.of(withinLimit(query)).withPage(0, Math.min(depth, SearchRequest.MAX_SIZE));
    while (out.size() < depth) {
      SearchResult<ArticleHit> page = steppe.searchArticles(request);
      for (ArticleHit h : page.hits()) {
        if (out.size() < depth) {
          out.add(docnoByFile.getOrDefault(h.id(), h.id()));
        }
      }
      if (page.nextCursor() == null || page.hits().isEmpty()) {
        break;
      }
      request = request.withCursor(page.nextCursor());
    }
    return out;
  }

  /** The query cut at a word boundary to the length the API accepts (a few SMART topics are paragraphs). */
  static String withinLimit(String query) {
    int max = SearchRequest.MAX_QUERY_LENGTH;
    if (query.length() <= max) {
      return query;
    }
    int cut = query.lastIndexOf(' ', max);
    return query.substring(0, cut > 0 ? cut : max);
  }

  @Override
  public void close() throws IOException {
    steppe.close();
  }
}
