import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;

/**
 * Counts the near-duplicate quote clusters of an index (quotes joined through reportedBy) and writes
 * a seeded random sample of them for hand-checking (issue 18, BENCHMARKS.md).
 * Usage: java -cp target/steppe.jar bench/quote-clusters/QuoteClusterSample.java INDEX OUT.md [N] [SEED]
 */
public class QuoteClusterSample {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 18;
    Map<String, QuoteHit> quotes = new TreeMap<>();
    Map<String, String> parent = new HashMap<>();
    try (SteppeSearch steppe = Steppe.open(index, SteppeConfig.fromFolder(Path.of("index-config")))) {
      SearchRequest all = SearchRequest.of("").withPage(0, 100);
      String cursor = null;
      do {
        SearchResult<QuoteHit> page = steppe.searchQuotes(all.withCursor(cursor));
        for (QuoteHit q : page.hits()) {
          quotes.put(q.id(), q);
          for (QuoteHit.Report r : q.reportedBy()) {
            union(parent, q.id(), r.quoteId());
          }
        }
        cursor = page.nextCursor();
      } while (cursor != null);
    }
    Map<String, List<String>> clusters = new TreeMap<>();
    for (String id : parent.keySet()) {
      clusters.computeIfAbsent(find(parent, id), k -> new ArrayList<>()).add(id);
    }
    List<List<String>> list = new ArrayList<>(clusters.values());
    list.forEach(Collections::sort);
    list.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    int members = list.stream().mapToInt(List::size).sum();
    long acrossPublishers = list.stream().filter(c -> c.stream().map(QuoteClusterSample::publisher).distinct().count() > 1).count();
    Collections.shuffle(list, new Random(seed));
    List<List<String>> sample = list.subList(0, Math.min(n, list.size()));
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
      w.printf("# Near-duplicate quote clusters: a sample for hand-checking%n%n");
      w.printf("%d quotes, %d clusters of 2 or more quotes (%d quotes in them), %d across publishers. "
          + "Sample: %d clusters drawn with seed %d.%n%n", quotes.size(), list.size(), members, acrossPublishers, sample.size(), seed);
      int k = 1;
      for (List<String> c : sample) {
        w.printf("## %d. %s (%d quotes)%n%n", k++, quotes.get(c.get(0)).speaker(), c.size());
        for (String id : c) {
          QuoteHit q = quotes.get(id);
          w.printf("- `%s` (%s): %s%n", id, q.speaker(), q.text().replaceAll("\\s+", " "));
        }
        w.printf("%nJudgment: %n%n");
      }
    }
    System.out.printf("%d quotes, %d clusters (%d quotes), %d across publishers; sample of %d written to %s%n",
        quotes.size(), list.size(), members, acrossPublishers, sample.size(), out);
  }

  /** PolNeAR's file names start with the publisher ("breitbart_2016-…"); other ids count as their own. */
  static String publisher(String quoteId) {
    int cut = quoteId.indexOf('_');
    return cut > 0 ? quoteId.substring(0, cut) : quoteId;
  }

  static String find(Map<String, String> parent, String x) {
    parent.putIfAbsent(x, x);
    while (!parent.get(x).equals(x)) {
      parent.put(x, parent.get(parent.get(x)));
      x = parent.get(x);
    }
    return x;
  }

  static void union(Map<String, String> parent, String a, String b) {
    parent.put(find(parent, a), find(parent, b));
  }
}
