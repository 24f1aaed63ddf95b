import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.steppe.search.SearchRequest;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import org.steppe.server.BatchSearch;

/**
 * Times a batch search against its baseline in the same JVM: the same queries as plain article
 * searches (first page of 10, facets included), one after another, then as one batch (per query:
 * four searches, on up to four threads). Each measured twice after a warm-up pass; best kept.
 * Usage: java -cp target/steppe.jar bench/BatchBench.java INDEX QUERIES
 */
public class BatchBench {
  public static void main(String[] args) throws Exception {
    List<BatchSearch.Query> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      if (!line.isBlank()) {
        queries.add(new BatchSearch.Query(queries.size() + 1, line.strip()));
      }
    }
    try (SteppeSearch steppe = Steppe.open(Path.of(args[0]), SteppeConfig.fromFolder(Path.of("index-config")))) {
      BatchSearch batch = new BatchSearch(steppe);
      double plain = Double.MAX_VALUE;
      double batched = Double.MAX_VALUE;
      for (int pass = 0; pass < 3; pass++) {
        long t = System.nanoTime();
        for (BatchSearch.Query q : queries) {
          steppe.searchArticles(SearchRequest.of(q.text()));
        }
        double p = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        batch.run(queries);
        double b = (System.nanoTime() - t) / 1e9;
        if (pass > 0) {
          plain = Math.min(plain, p);
          batched = Math.min(batched, b);
        }
      }
      System.out.printf("%d queries: plain searches %.2f s, batch %.2f s, batch / plain %.2f; load %.1f%n", queries.size(),
          plain, batched, batched / plain, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }
}
