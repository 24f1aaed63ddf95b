package org.steppe.example;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.steppe.config.ConfigDir;
import org.steppe.search.ArticleHit;
import org.steppe.search.ArticleInput;
import org.steppe.search.FacetValue;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;

/** Index two articles from code, then search them with a facet filter. */
public class EmbeddingExample {
  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args.length > 0 ? args[0] : "example-index");
    try (Steppe steppe = Steppe.openWritable(indexDir, ConfigDir.builtIn())) {
      steppe.put(new ArticleInput("cms-1", "Senators question the treaty",
          "Kazakh senators asked whether the treaty with Russia binds Nazarbayev's foreign policy.",
          "Tengrinews", LocalDate.of(2014, 10, 20), null, null));
      steppe.put(new ArticleInput("cms-2", "Treaty ratified",
          "President Nazarbaev signed the treaty; parliament ratified it in October.",
          "CABAR.asia", LocalDate.of(2014, 10, 23), null, null));
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
      for (FacetValue source : result.facets().get("source")) {
        System.out.println("source " + source.value() + ": " + source.count());
      }
    }
  }
}
