package org.steppe.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.steppe.search.SearchRequest;
import org.steppe.search.Steppe;

/**
 * JMH microbenchmark of {@code Steppe.searchArticles} (facets + 10 highlighted hits) over the
 * rotating query lists of {@link QueryGen}, in sample-time mode (percentiles). Run by
 * {@code bench/run.sh} with {@code -Dsteps=jmh}; the index is {@code -p index=DIR}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class QueryJmh {
  @Param({"bench-out/idx/steppe-5000"})
  public String index;

  @Param({"bench-out/queries"})
  public String queries;

  private Steppe steppe;
  private List<String> term;
  private List<String> phrase;
  private List<String> and;
  private int i;

  @Setup(Level.Trial)
  public void open() throws Exception {
    if (System.getProperty("steppe.resultCache") == null) {
      System.setProperty("steppe.resultCache", "0"); // measure computed searches, as QueryBench does
    }
    steppe = Steppe.open(Path.of(index), Bench.steppeConfig());
    term = Bench.lines(Path.of(queries, "term.txt"));
    phrase = Bench.lines(Path.of(queries, "phrase.txt"));
    and = Bench.lines(Path.of(queries, "and.txt"));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    steppe.close();
  }

  @Benchmark
  public Object termFacetsHighlight() throws Exception {
    return steppe.searchArticles(SearchRequest.of(term.get(i++ % term.size())));
  }

  @Benchmark
  public Object andFacetsHighlight() throws Exception {
    return steppe.searchArticles(SearchRequest.of(and.get(i++ % and.size())));
  }

  @Benchmark
  public Object phraseFacetsHighlight() throws Exception {
    return steppe.searchArticles(SearchRequest.of(phrase.get(i++ % phrase.size())));
  }
}
