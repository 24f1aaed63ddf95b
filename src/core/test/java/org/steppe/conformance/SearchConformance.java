package org.steppe.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.config.ConfigDir;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.search.ArticleEntity;
import org.steppe.search.ArticleHit;
import org.steppe.search.ArticleQuote;
import org.steppe.search.ArticleView;
import org.steppe.search.EntityFacetValue;
import org.steppe.search.EntityType;
import org.steppe.search.FacetValue;
import org.steppe.search.Mention;
import org.steppe.search.QuerySyntaxException;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SortOrder;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import org.steppe.search.Suggestion;

/**
 * What every {@link SteppeSearch} engine must do, whatever it runs on: the conformance suite of the
 * read seam. It builds a corpus folder of the five seed articles and a slice of Reuters-21578, asks
 * the subclass for an engine holding exactly that corpus ({@link #openOver}), and checks totals,
 * ids, facet counts, filters, paging, the cursor, sorting, highlights, quotes, articles,
 * suggestions and similar articles.
 *
 * <p>What is expected comes from the corpus as Steppe's ingest reads it (ids, sources, dates) and
 * from the engine's own stored articles (entities, quotes), never from a second engine, so any
 * engine fed by Steppe's pipeline can be held to it. Relevance scores and the order of equal scores
 * are the engine's own business and are not compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SearchConformance {
  /** Reuters-21578, beside the checkout like every shared data set. */
  static final Path REUTERS = Path.of("../shared/datasets/reuters21578/reut2-000.sgm");
  /** How many Reuters stories the slice keeps. */
  static final int REUTERS_STORIES = 250;
  /** The seed files, their sources and whether they are dated, as the seeds state them. */
  static final String TENGRINEWS = "000_f2ec2cef95c906d2.txt";
  static final String CABAR = "001_70616fac980b1ee6.txt";
  static final String EADAILY = "003_049d21399e94aeb1.txt";
  static final String EDM = "004_8b1bb3de2c38a53d.txt";

  private SteppeSearch engine;
  /** The corpus as Steppe's ingest reads it: the expectations. */
  private Map<String, Article> corpus;
  private Map<String, ArticleView> views;

  /**
   * An engine holding exactly the articles of {@code corpus}, enriched and analysed with
   * {@code config}, every change committed and visible. The suite closes it.
   *
   * @param scratch a folder the engine may use for its files
   */
  protected abstract SteppeSearch openOver(Path corpus, SteppeConfig config, Path scratch) throws IOException;

  @BeforeAll
  void buildTheCorpusAndTheEngine(@TempDir Path work) throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(REUTERS), "the shared datasets are beside the checkout");
    Path folder = Files.createDirectories(work.resolve("corpus"));
    try (var seeds = Files.list(Path.of("corpus"))) {
      for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(seed, folder.resolve(seed.getFileName()));
      }
    }
    Files.writeString(folder.resolve("reut2-000.sgm"), reutersSlice(REUTERS_STORIES), StandardCharsets.ISO_8859_1);
    Corpus read = Corpus.open(folder, ConfigDir.of(Path.of("index-config")), IngestListener.SILENT);
    corpus = new LinkedHashMap<>();
    for (Path f : read.files()) {
      read.read(f).forEach(a -> corpus.put(a.id(), a));
    }
    engine = openOver(folder, SteppeConfig.fromFolder(Path.of("index-config")), Files.createDirectories(work.resolve("scratch")));
    views = new LinkedHashMap<>();
    for (String id : corpus.keySet()) {
      views.put(id, engine.article(id).orElseThrow(() -> new AssertionError("article " + id + " is missing")));
    }
  }

  @AfterAll
  void close() throws IOException {
    if (engine != null) {
      engine.close();
    }
  }

  /** The first {@code n} stories of a Reuters file, as a smaller Reuters file (its bytes unchanged). */
  private static String reutersSlice(int n) throws IOException {
    String all = Files.readString(REUTERS, StandardCharsets.ISO_8859_1);
    int at = all.indexOf("<REUTERS");
    StringBuilder out = new StringBuilder(all.substring(0, at));
    for (int i = 0; i < n; i++) {
      int end = all.indexOf("</REUTERS>", at) + "</REUTERS>".length();
      out.append(all, at, end).append('\n');
      at = all.indexOf("<REUTERS", end);
    }
    return out.toString();
  }

  // ---- totals and ids ------------------------------------------------------------------------

  @Test
  void anEmptyQueryMatchesEveryArticleAndACursorWalkReturnsEachOnce() throws IOException {
    SearchRequest all = SearchRequest.of("").withPage(0, 100);
    assertEquals(corpus.size(), engine.searchArticles(all).total());
    assertEquals(corpus.size(), engine.articleCount());
    assertEquals(corpus.keySet(), new HashSet<>(walk(all, SteppeSearch::searchArticles).stream().map(ArticleHit::id).toList()));
  }

  @Test
  void aKeywordFindsEverySpellingAndOnlyThose() throws IOException {
    // Nazarbaev (CABAR) and Nazarbayev (EADaily, Eurasia Daily Monitor); no 1987 Reuters story names him.
    assertEquals(Set.of(CABAR, EADAILY, EDM), ids(engine.searchArticles(SearchRequest.of("Nazarbaev").withPage(0, 100))));
  }

  @Test
  void readStrictlyAQueryTheEngineCannotReadIsRefusedWithAMessage() {
    assertThrows(QuerySyntaxException.class, () -> engine.searchArticles(SearchRequest.of("title:(treaty").withStrict(true)));
    assertThrows(QuerySyntaxException.class, () -> engine.searchArticles(SearchRequest.of("nosuchfield:treaty").withStrict(true)));
    assertThrows(QuerySyntaxException.class,
        () -> engine.searchArticles(SearchRequest.of("x".repeat(SearchRequest.MAX_QUERY_LENGTH + 1))));
  }

  @Test
  void readLenientlyTheSameQueriesAreSearchedAndTheNoticeSaysWhatChanged() throws IOException {
    SearchResult<ArticleHit> r = engine.searchArticles(SearchRequest.of("title:(treaty").withPage(0, 100));
    assertTrue(r.notice() != null && r.notice().contains("not closed"), r.notice());
    assertEquals(ids(engine.searchArticles(SearchRequest.of("title:treaty").withPage(0, 100))), ids(r));
    assertEquals(null, engine.searchArticles(SearchRequest.of("treaty")).notice());
  }

  // ---- facets and filters --------------------------------------------------------------------

  @Test
  void sourceYearAndMonthFacetsCountWhatTheCorpusHolds() throws IOException {
    SearchResult<ArticleHit> r = engine.searchArticles(SearchRequest.of(""));
    assertEquals(countBy(a -> a.metadata().source()), counts(r.facets().source()));
    assertEquals(countBy(a -> a.metadata().date() == null ? null : String.valueOf(a.metadata().date().getYear())),
        counts(r.facets().year()));
    assertEquals(countBy(a -> a.metadata().date() == null ? null : a.metadata().date().toString().substring(0, 7)),
        counts(r.facets().date()));
    List<String> months = r.facets().date().stream().map(FacetValue::value).toList();
    assertEquals(months.stream().sorted().toList(), months, "months in time order");
  }

  @Test
  void aSourceFilterKeepsOneSourceWhileItsFacetStillCountsTheOthers() throws IOException {
    SearchResult<ArticleHit> r = engine.searchArticles(SearchRequest.of("").withSources(List.of("Tengrinews")).withPage(0, 100));
    assertEquals(Set.of(TENGRINEWS), ids(r));
    assertEquals(countBy(a -> a.metadata().source()), counts(r.facets().source()), "multi-select: the filter's own facet ignores it");
    assertTrue(r.facets().year().isEmpty(), "the other facets describe the one undated Tengrinews article");
    SearchResult<ArticleHit> two = engine.searchArticles(SearchRequest.of("").withSources(List.of("Tengrinews", "Reuters")));
    assertEquals(1 + countBy(a -> a.metadata().source()).get("Reuters"), two.total(), "values of one filter OR");
  }

  @Test
  void aDateRangeKeepsTheDatedArticlesInsideItBoundsIncluded() throws IOException {
    List<LocalDate> dates = corpus.values().stream().map(a -> a.metadata().date()).filter(Objects::nonNull).sorted().toList();
    LocalDate from = dates.get(dates.size() / 4);
    LocalDate to = dates.get(dates.size() * 3 / 4);
    long expected = dates.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).count();
    assertEquals(expected, engine.searchArticles(SearchRequest.of("").withDates(from, to)).total());
    assertEquals(dates.size(), engine.searchArticles(SearchRequest.of("").withDates(null, LocalDate.of(2100, 1, 1))).total(),
        "an open range drops only the undated");
  }

  @Test
  void entityFacetCountsAgreeWithTheFilterAndWithTheStoredArticles() throws IOException {
    SearchResult<ArticleHit> r = engine.searchArticles(SearchRequest.of(""));
    assertTrue(r.facets().entity().size() >= 5, r.facets().entity().toString());
    List<EntityFacetValue> sorted = new ArrayList<>(r.facets().entity());
    sorted.sort(Comparator.comparingLong(EntityFacetValue::count).reversed());
    assertEquals(sorted.stream().map(EntityFacetValue::count).toList(), r.facets().entity().stream().map(EntityFacetValue::count).toList(),
        "most mentioned first");
    for (EntityFacetValue top : r.facets().entity().subList(0, 5)) {
      long stored = views.values().stream().filter(v -> v.entities().stream()
          .anyMatch(e -> e.name().equals(top.value()) && e.type() == top.type())).count();
      assertEquals(stored, top.count(), top + ": articles whose stored entities hold it");
      long filtered = engine.searchArticles(SearchRequest.of("").withEntities(List.of(top.value()))).total();
      assertTrue(filtered >= top.count(), top + ": the filter keeps every article with it, found " + filtered);
    }
  }

  @Test
  void anEntityTypeFilterKeepsArticlesMentioningSuchAnEntity() throws IOException {
    for (EntityType type : List.of(EntityType.PERSON, EntityType.ORGANIZATION)) {
      long stored = views.values().stream().filter(v -> v.entities().stream().anyMatch(e -> e.type() == type)).count();
      assertEquals(stored, engine.searchArticles(SearchRequest.of("").withEntityTypes(List.of(type))).total(), type.label());
    }
  }

  // ---- paging, cursor, sort ------------------------------------------------------------------

  @Test
  void offsetPagesTileTheFirstHundredHits() throws IOException {
    for (SortOrder sort : SortOrder.values()) {
      SearchRequest base = SearchRequest.of("said").withSort(sort);
      List<String> first = engine.searchArticles(base.withPage(0, 100)).hits().stream().map(ArticleHit::id).toList();
      List<String> paged = new ArrayList<>();
      for (int offset = 0; offset < first.size(); offset += 25) {
        paged.addAll(engine.searchArticles(base.withPage(offset, 25)).hits().stream().map(ArticleHit::id).toList());
      }
      assertEquals(first, paged, sort.toString());
    }
  }

  @Test
  void aCursorWalkReturnsEveryHitOnceInEveryOrder() throws IOException {
    for (SortOrder sort : SortOrder.values()) {
      SearchRequest base = SearchRequest.of("said").withSort(sort).withPage(0, 7);
      long total = engine.searchArticles(base).total();
      List<String> walked = walk(base, SteppeSearch::searchArticles).stream().map(ArticleHit::id).toList();
      assertEquals(total, walked.size(), sort + ": the walk returns the total");
      assertEquals(walked.size(), new HashSet<>(walked).size(), sort + ": no hit twice");
    }
  }

  @Test
  void newestAndOldestOrderByDateWithTheUndatedLast() throws IOException {
    for (SortOrder sort : List.of(SortOrder.NEWEST, SortOrder.OLDEST)) {
      List<LocalDate> dates = walk(SearchRequest.of("").withSort(sort).withPage(0, 100), SteppeSearch::searchArticles).stream()
          .map(ArticleHit::date).toList();
      int undated = dates.indexOf(null);
      assertTrue(undated > 0, sort + ": there are dated and undated articles");
      assertTrue(dates.subList(undated, dates.size()).stream().allMatch(Objects::isNull), sort + ": the undated come last");
      List<LocalDate> dated = dates.subList(0, undated);
      Comparator<LocalDate> order = sort == SortOrder.NEWEST ? Comparator.reverseOrder() : Comparator.naturalOrder();
      assertEquals(dated.stream().sorted(order).toList(), dated, sort.toString());
    }
  }

  @Test
  void hitsOfOneDateComeInIdOrderSoEveryEngineShowsTheSamePage() throws IOException {
    // Index order would differ between engines and between two builds of one index; ids do not.
    for (SortOrder sort : List.of(SortOrder.NEWEST, SortOrder.OLDEST)) {
      List<ArticleHit> articles = walk(SearchRequest.of("").withSort(sort).withPage(0, 50), SteppeSearch::searchArticles);
      assertTiesInIdOrder(articles.stream().map(h -> new String[] {String.valueOf(h.date()), h.id()}).toList(), sort + " articles");
      List<QuoteHit> quotes = engine.searchQuotes(SearchRequest.of("").withSort(sort).withPage(0, 100)).hits();
      assertTiesInIdOrder(quotes.stream().map(h -> new String[] {String.valueOf(h.article().date()), h.id()}).toList(), sort + " quotes");
    }
  }

  /** Each pair of neighbours with the same date (element 0) has ascending ids (element 1); some such pair exists. */
  private static void assertTiesInIdOrder(List<String[]> dateAndId, String what) {
    int ties = 0;
    for (int i = 1; i < dateAndId.size(); i++) {
      if (dateAndId.get(i)[0].equals(dateAndId.get(i - 1)[0])) {
        ties++;
        assertTrue(dateAndId.get(i - 1)[1].compareTo(dateAndId.get(i)[1]) < 0,
            what + ": " + dateAndId.get(i - 1)[1] + " before " + dateAndId.get(i)[1] + " on " + dateAndId.get(i)[0]);
      }
    }
    assertTrue(ties > 0, what + ": the corpus has hits sharing a date");
  }

  // ---- highlights ----------------------------------------------------------------------------

  @Test
  void snippetsMarkTheMatchesAndEscapeEverythingElse() throws IOException {
    SearchResult<ArticleHit> r = engine.searchArticles(SearchRequest.of("treaty").withPage(0, 100));
    assertTrue(r.total() >= 3, "the seeds are about a treaty");
    Pattern marked = Pattern.compile("<mark>([^<]*)</mark>");
    for (ArticleHit h : r.hits()) {
      Matcher m = marked.matcher(h.snippet());
      // A hit may match through its entities alone; one whose body has the word shows it marked.
      String body = views.get(h.id()).body().toLowerCase();
      assertTrue(m.find() || !(body.contains("treaty") || body.contains("treaties")), () -> h.id() + " has no mark: " + h.snippet());
      m.reset();
      while (m.find()) {
        assertTrue(m.group(1).toLowerCase().startsWith("treat"), "only the query's word is marked: " + m.group());
      }
      assertFalse(h.snippet().replace("<mark>", "").replace("</mark>", "").contains("<"), "no other tag: " + h.snippet());
    }
  }

  // ---- quotes --------------------------------------------------------------------------------

  @Test
  void quotesAreFoundBySpeakerAndLinkedToTheirArticle() throws IOException {
    SearchResult<QuoteHit> r = engine.searchQuotes(SearchRequest.of("sovereignty").withSpeakers(List.of("Askar Musinov")));
    assertTrue(r.total() > 0, "Musinov speaks of sovereignty in the Tengrinews seed");
    for (QuoteHit q : r.hits()) {
      assertEquals("Askar Musinov", q.speaker());
      assertEquals(TENGRINEWS, q.article().id());
      assertTrue(views.get(TENGRINEWS).quotes().stream().anyMatch(s -> s.text().equals(q.text())), q.text());
      assertTrue(q.snippet().contains("<mark>"), q.snippet());
    }
    assertTrue(r.facets().speaker().stream().anyMatch(v -> v.value().equals("Askar Musinov")), r.facets().speaker().toString());
  }

  @Test
  void everyStoredQuoteIsSearchableAndCounted() throws IOException {
    long stored = views.values().stream().mapToLong(v -> v.quotes().size()).sum();
    assertTrue(stored > 10, "the corpus has quotes: " + stored);
    assertEquals(stored, engine.quoteCount());
    assertEquals(stored, engine.searchQuotes(SearchRequest.of("")).total());
    Map<String, Long> bySpeaker = new TreeMap<>();
    views.values().forEach(v -> v.quotes().stream().map(ArticleQuote::speaker).filter(Objects::nonNull)
        .forEach(s -> bySpeaker.merge(s, 1L, Long::sum)));
    SearchResult<QuoteHit> all = engine.searchQuotes(SearchRequest.of(""));
    for (FacetValue v : all.facets().speaker()) {
      assertEquals(bySpeaker.get(v.value()), v.count(), "quotes by " + v.value());
    }
  }

  @Test
  void quotesAboutAnEntityAreThoseWhoseWordsMentionItUnderEverySpelling() throws IOException {
    Set<String> expected = quotesMentioning("Nursultan Nazarbayev");
    assertFalse(expected.isEmpty(), "a seed quote mentions Nazarbayev");
    for (String spelling : List.of("Nazarbayev", "Nazarbaev", "nursultan nazarbayev", "President Nazarbaev")) {
      SearchResult<QuoteHit> r = engine.searchQuotes(SearchRequest.of("").about(spelling).withPage(0, 100));
      assertEquals(expected, r.hits().stream().map(QuoteHit::id).collect(Collectors.toSet()), "about " + spelling);
      assertEquals(expected.size(), r.total());
    }
    Set<String> russia = quotesMentioning("Russia");
    Set<String> both = new HashSet<>(expected);
    both.retainAll(russia);
    SearchResult<QuoteHit> and = engine.searchQuotes(SearchRequest.of("").about("Nazarbaev", "Russia").withPage(0, 100));
    assertEquals(both, and.hits().stream().map(QuoteHit::id).collect(Collectors.toSet()), "repeated about means AND");
    assertEquals(0, engine.searchQuotes(SearchRequest.of("").about("Nobody Known Here")).total());
    // Combined with the other filters: articles about an entity are the ones mentioning it.
    SearchResult<ArticleHit> articles = engine.searchArticles(SearchRequest.of("").about("EEU").withPage(0, 100));
    Set<String> mentioning = views.values().stream()
        .filter(v -> v.entities().stream().anyMatch(e -> e.name().equals("Eurasian Economic Union")))
        .map(ArticleView::id).collect(Collectors.toSet());
    assertEquals(mentioning, ids(articles));
  }

  /**
   * The ids of the stored quotes with a mention of {@code entity} inside their quoted words: in
   * the span, and not between a closing quotation mark and the next opening one (the reporter's
   * words between the pieces of a split quote).
   */
  private Set<String> quotesMentioning(String entity) {
    Set<String> out = new HashSet<>();
    for (ArticleView v : views.values()) {
      List<Mention> mentions = v.entities().stream().filter(e -> e.name().equals(entity))
          .flatMap(e -> e.mentions().stream()).toList();
      for (int i = 0; i < v.quotes().size(); i++) {
        ArticleQuote q = v.quotes().get(i);
        if (mentions.stream().anyMatch(m -> m.start() >= q.start() && m.end() <= q.end()
            && v.body().substring(q.start(), m.start()).chars().filter(c -> "\"“”«»„‟".indexOf(c) >= 0).count() % 2 == 0)) {
          out.add(v.id() + "#q" + i);
        }
      }
    }
    return out;
  }

  // ---- articles, suggestions, similar --------------------------------------------------------

  @Test
  void anArticleComesWithEntitiesAndQuotesAtTheirPlaceInTheBody() throws IOException {
    for (ArticleView v : views.values()) {
      for (ArticleEntity e : v.entities()) {
        for (Mention m : e.mentions()) {
          assertEquals(m.text(), v.body().substring(m.start(), m.end()), v.id() + ": " + e.name());
        }
      }
      for (ArticleQuote q : v.quotes()) {
        assertTrue(q.start() == -1 || v.body().substring(q.start(), q.end()).contains(q.text().strip().split("\\s+")[0]),
            v.id() + ": " + q.text());
      }
    }
    assertEquals(corpus.get(EADAILY).metadata().title(), views.get(EADAILY).title());
    assertTrue(engine.article("no such article").isEmpty());
  }

  @Test
  void suggestionsCompleteNamesUnderTheirCanonicalSpellingAndTitles() throws IOException {
    assertEquals(new Suggestion("Nursultan Nazarbayev", Suggestion.Kind.PERSON), engine.suggest("Nazarbae", 5).get(0));
    assertEquals(List.of(), engine.suggest(" ", 5));
    String title = corpus.values().stream().map(a -> a.metadata().title()).filter(Objects::nonNull)
        .filter(t -> t.split("\\s+").length >= 3 && t.split("\\s+")[0].length() >= 4).findFirst().orElseThrow();
    String typed = title.split("\\s+")[0] + " " + title.split("\\s+")[1].substring(0, 2);
    assertTrue(engine.suggest(typed, 10).stream().anyMatch(s -> s.kind() == Suggestion.Kind.TITLE),
        "'" + typed + "' completes titles: " + engine.suggest(typed, 10));
  }

  @Test
  void similarArticlesAreOtherArticles() throws IOException {
    SearchResult<ArticleHit> like = engine.similar(EADAILY, 5);
    assertFalse(like.hits().isEmpty());
    assertTrue(like.hits().size() <= 5);
    like.hits().forEach(h -> {
      assertTrue(corpus.containsKey(h.id()), h.id());
      assertFalse(h.id().equals(EADAILY), "not itself");
    });
    assertEquals(0, engine.similar("no such article", 5).total());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private interface Search<H> {
    SearchResult<H> run(SteppeSearch engine, SearchRequest request) throws IOException;
  }

  private <H> List<H> walk(SearchRequest base, Search<H> search) throws IOException {
    List<H> out = new ArrayList<>();
    String cursor = null;
    do {
      SearchResult<H> page = search.run(engine, base.withCursor(cursor));
      out.addAll(page.hits());
      cursor = page.nextCursor();
      assertTrue(out.size() <= corpus.size() + 1, "the walk ends");
    } while (cursor != null);
    return out;
  }

  private Map<String, Long> countBy(java.util.function.Function<Article, String> key) {
    return corpus.values().stream().map(key).filter(Objects::nonNull)
        .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> counts(List<FacetValue> values) {
    return values.stream().collect(Collectors.toMap(FacetValue::value, FacetValue::count, (a, b) -> a, TreeMap::new));
  }

  private static Set<String> ids(SearchResult<ArticleHit> r) {
    return r.hits().stream().map(ArticleHit::id).collect(Collectors.toSet());
  }
}
