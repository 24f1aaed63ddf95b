package org.steppe.example;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.steppe.search.ArticleHit;
import org.steppe.search.ArticleInput;
import org.steppe.search.FacetValue;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.WritableSteppe;

/** Index two articles from code, then search them with a facet filter. */
public class EmbeddingExample {
  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args.length > 0 ? args[0] : "example-index");
    try (WritableSteppe steppe = Steppe.openWritable(indexDir, SteppeConfig.defaults())) {
      steppe.put(ArticleInput.builder("cms-1").title("Senators question the treaty")
          .body("Kazakh senators asked whether the treaty with Russia binds Nazarbayev's foreign policy.")
          .source("Tengrinews").date(LocalDate.of(2014, 10, 20)).build());
      steppe.put(ArticleInput.builder("cms-2").title("Treaty ratified")
          .body("President Nazarbaev signed the treaty; parliament ratified it in October.")
          .source("CABAR.asia").date(LocalDate.of(2014, 10, 23)).build());
      steppe.commit(); // both articles are now searchable

      // "Nazarbaev" finds either spelling; the source filter keeps one publication.
      SearchResult<ArticleHit> result = steppe.searchArticles(
          SearchRequest.of("Nazarbaev treaty").withSources(List.of("Tengrinews")));
      System.out.println(result.total() + " hit(s)");
      for (ArticleHit hit : result.hits()) {
        // The snippet is HTML: escaped text with the matches in <mark>.
        System.out.println(hit.title() + " | " + hit.source() + " | " + hit.date() + " | " + hit.snippet().replaceAll("\\s+", " "));
      }
      // Multi-select facets: the source facet still counts the other source.
      for (FacetValue source : result.facets().source()) {
        System.out.println("source " + source.value() + ": " + source.count());
      }
    }
  }
}
