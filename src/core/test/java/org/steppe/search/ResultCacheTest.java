package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeated search is answered from the result cache only while the index is the one it was
 * computed on: a commit opens a new reader, and the same request then sees the new article.
 */
class ResultCacheTest {
  @TempDir Path dir;

  private static ArticleInput story(String id, String body) {
    return new ArticleInput(id, "Grain story " + id, body, "Steppe Test Wire", LocalDate.of(1987, 3, id.length()), null, null, null, null);
  }

  @Test
  void aRepeatedSearchIsAnsweredFromTheCacheUntilTheNextCommit() throws IOException {
    try (WritableSteppe steppe = Steppe.openWritable(dir, SeedIndex.CONFIG)) {
      steppe.put(story("a", "Wheat exports from Kazakhstan rose in March, traders said."));
      steppe.commit();
      SearchRequest wheat = SearchRequest.of("wheat");
      SearchResult<ArticleHit> first = steppe.searchArticles(wheat);
      assertEquals(1, first.total());
      assertSame(first, steppe.searchArticles(wheat), "the same request on the same index: the same answer");
      assertNotSame(first, steppe.searchArticles(wheat.withPage(0, 5)), "another page is another request");

      steppe.put(story("bb", "Wheat prices fell in Chicago as the harvest outlook improved."));
      steppe.commit();
      SearchResult<ArticleHit> after = steppe.searchArticles(wheat);
      assertEquals(2, after.total(), "the new commit's article is found");
      assertTrue(after.hits().stream().anyMatch(h -> h.id().equals("bb")));
    }
  }

  @Test
  void aResultThatRanOutOfTimeIsNotKept() throws IOException {
    try (WritableSteppe steppe = Steppe.openWritable(dir, SeedIndex.CONFIG)) {
      steppe.put(story("a", "Wheat exports from Kazakhstan rose in March, traders said."));
      steppe.commit();
      steppe.setSearchTimeout(java.time.Duration.ofNanos(1));
      SearchResult<ArticleHit> cut = steppe.searchArticles(SearchRequest.of("wheat"));
      assertTrue(cut.timedOut());
      assertNotSame(cut, steppe.searchArticles(SearchRequest.of("wheat")), "a partial answer is computed again");
    }
  }
}
