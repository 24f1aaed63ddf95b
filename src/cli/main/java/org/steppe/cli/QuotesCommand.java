package org.steppe.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SteppeSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Searches quotes and prints them with speaker, source and date. */
@Command(name = "quotes", mixinStandardHelpOptions = true, description = "Search quotes: who said what.")
final class QuotesCommand implements Callable<Integer> {
  @Mixin IndexOptions options;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "KEYWORD", description = "What was said (Lucene query syntax); omit for every quote.")
  String query;

  @Option(names = "--speaker", description = "Only quotes by this speaker (canonical name; repeatable).")
  List<String> speakers;

  @Option(names = "--about", paramLabel = "NAME",
      description = "Only quotes whose words mention this entity, in any spelling (repeatable: all of them).")
  List<String> about;

  @Option(names = "--source", description = "Only quotes from this source (repeatable).")
  List<String> sources;

  @Option(names = "--strict", description = "Read the query exactly as Lucene syntax and refuse it when malformed "
      + "(exit code 2) instead of searching its words.")
  boolean strict;

  @Option(names = {"-n", "--limit"}, defaultValue = "20", description = "How many quotes (default: ${DEFAULT-VALUE}, at most 100).")
  int limit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (SteppeSearch steppe = options.openForSearch()) {
      SearchRequest request = SearchRequest.of(query).withSpeakers(speakers).withSources(sources).withAbout(about)
          .withPage(0, limit).withStrict(strict);
      SearchResult<QuoteHit> r = steppe.searchQuotes(request);
      out.printf("%d quotes%n%n", r.total());
      if (r.notice() != null) {
        out.printf("Note: %s%n%n", r.notice());
      }
      for (QuoteHit q : r.hits()) {
        out.printf("“%s”%n    — %s%s · %s · %s · %s%n%n", Terminal.plain(q.snippet()),
            q.speaker() == null ? "unknown speaker" : q.speaker(), q.role() == null ? "" : ", " + q.role(),
            q.article().source() == null ? "unknown source" : q.article().source(),
            q.article().date() == null ? "undated" : q.article().date(), q.kind().label());
      }
      out.flush();
    }
    return 0;
  }
}
