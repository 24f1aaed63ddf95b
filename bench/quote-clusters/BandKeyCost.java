import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.steppe.index.QuoteShingles;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;

/**
 * What near-duplicate detection costs at indexing time: MinHash band keys for every quote of an
 * index, timed (best of 5 passes after a warm-up), next to the quotes' length.
 * Usage: java -cp target/steppe.jar bench/quote-clusters/BandKeyCost.java INDEX
 */
public class BandKeyCost {
  public static void main(String[] args) throws Exception {
    List<String> texts = new ArrayList<>();
    try (SteppeSearch steppe = Steppe.open(Path.of(args[0]), SteppeConfig.fromFolder(Path.of("index-config")))) {
      String cursor = null;
      do {
        SearchResult<QuoteHit> page = steppe.searchQuotes(SearchRequest.of("").withPage(0, 100).withCursor(cursor));
        page.hits().forEach(q -> texts.add(q.text()));
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    long chars = texts.stream().mapToLong(String::length).sum();
    long best = Long.MAX_VALUE;
    int keys = 0;
    for (int pass = 0; pass < 8; pass++) {
      long t = System.nanoTime();
      keys = 0;
      for (String s : texts) {
        keys += QuoteShingles.bandKeys(s).size();
      }
      long took = System.nanoTime() - t;
      if (pass >= 3) {
        best = Math.min(best, took);
      }
    }
    System.out.printf("%d quotes (%d characters): band keys in %.1f ms, %.1f us per quote (%d keys)%n",
        texts.size(), chars, best / 1e6, best / 1e3 / texts.size(), keys);
  }
}
