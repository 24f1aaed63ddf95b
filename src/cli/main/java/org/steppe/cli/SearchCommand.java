package org.steppe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.steppe.search.ArticleHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SortOrder;
import org.steppe.search.SteppeSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Searches articles and prints the top hits. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Search articles (Lucene query syntax: phrases, AND/OR/NOT, wildcards, fuzzy~, title:, source:, entity:, speaker:).")
final class SearchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin IndexOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query.")
  String query;

  @Option(names = "--source", description = "Only these sources (repeatable).")
  List<String> sources;

  @Option(names = "--strict", description = "Read the query exactly as Lucene syntax and refuse it when malformed "
      + "(exit code 2) instead of searching its words.")
  boolean strict;

  @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "How many hits (default: ${DEFAULT-VALUE}, at most 100).")
  int limit;

  @Option(names = "--sort", defaultValue = "relevance", description = "relevance, newest or oldest.")
  String sort;

  @Option(names = "--json", description = "Print JSON Lines of {id, title, source, date, score}, for scripts.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (SteppeSearch steppe = options.openForSearch()) {
      SearchRequest request = SearchRequest.of(query).withSources(sources).withSort(SortOrder.parse(sort)).withPage(0, limit).withStrict(strict);
      SearchResult<ArticleHit> r = steppe.searchArticles(request);
      if (json) {
        for (ArticleHit h : r.hits()) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("id", h.id());
          line.put("title", h.title());
          line.put("source", h.source());
          line.put("date", h.date() == null ? null : h.date().toString());
          line.put("score", h.score());
          out.println(JSON.writeValueAsString(line));
        }
      } else {
        out.printf("%d articles match \"%s\"%n%n", r.total(), query);
        if (r.notice() != null) {
          out.printf("Note: %s%n%n", r.notice());
        }
        if (r.didYouMean() != null) {
          out.printf("Did you mean: %s%n%n", r.didYouMean());
        }
        int n = 1;
        for (ArticleHit h : r.hits()) {
          out.printf("%2d. %s%n    %s · %s · %s%n    %s%n%n", n++, h.title() == null ? "(untitled) " + h.id() : h.title(),
              h.source() == null ? "unknown source" : h.source(), h.date() == null ? "undated" : h.date(), h.id(),
              Terminal.plain(h.snippet()));
        }
      }
      out.flush();
    }
    return 0;
  }
}
