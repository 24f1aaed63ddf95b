package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Analysis;
import org.steppe.search.IndexProgress;

/**
 * Whatever a person (or a script) types into the search box: the answer is hits or a typed,
 * human error, never a stack trace, a parser's token list or a search that does not end.
 *
 * <p>The generated part runs {@code steppe.fuzz.inputs} inputs (100,000 by default; pass
 * {@code -Dsteppe.fuzz.inputs=1000000} for a benchmark run) from seed {@code steppe.fuzz.seed}.
 */
class HostileQueryTest {
  private static final int INPUTS = Integer.getInteger("steppe.fuzz.inputs", 100_000);
  private static final long SEED = Long.getLong("steppe.fuzz.seed", 20261123L);
  private static final java.util.regex.Pattern OUR_ARGUMENT_CHECKS =
      java.util.regex.Pattern.compile("^(offset must|size must|the date range is empty|the cursor is not valid|offset \\+ size)");
  /** One generated input in this many runs a whole search rather than only parsing. */
  private static final int SEARCH_EVERY = 50;

  @TempDir static Path index;
  private static Steppe steppe;
  private static QueryFactory queries;

  @BeforeAll
  static void indexTheSeeds() throws Exception {
    try (WritableSteppe writable = Steppe.openWritable(index, SeedCorpus.STEPPE_CONFIG)) {
      writable.indexCorpus(SeedCorpus.DIR, IndexProgress.NONE);
    }
    steppe = Steppe.open(index, SeedCorpus.STEPPE_CONFIG);
    Gazetteer gazetteer = Gazetteer.load(SeedCorpus.CONFIG);
    Analysis analysis = Analysis.load(SeedCorpus.CONFIG, gazetteer);
    queries = new QueryFactory(analysis.queryAnalyzer(), new org.apache.lucene.analysis.CharArraySet(SeedCorpus.CONFIG.readLines("stopwords.txt"), true),
        org.steppe.index.DocumentBuilder.facetsConfig(), gazetteer);
  }

  @AfterAll
  static void close() throws Exception {
    steppe.close();
  }

  // ---- the cases people ask about, one by one --------------------------------------------------

  @Test
  void aLeadingWildcardIsRefusedWithAReason() {
    QuerySyntaxException e = searchFails("*stan");
    assertTrue(e.getMessage().contains("may not start with * or ?"), e.getMessage());
  }

  @Test
  void hugeRegexWildcardAndFuzzyExpansionsEndQuickly() throws Exception {
    List<String> expensive = List.of("/.*a.*b.*c.*/", "/.*.*.*.*.*.*.*.*.*.*.*x/", "a*b*c*d*", "/(a|aa)*b/",
        "/[a-z]{1,50}[0-9]{1,50}/", "/((((((((((a*)*)*)*)*)*)*)*)*)*)/", "/a{1000}{1000}/",
        String.join(" ", java.util.Collections.nCopies(60, "nazarbayev~2")), "s* t* a* e*",
        String.join(" OR ", java.util.Collections.nCopies(40, "/.*e.*/")));
    QuerySyntaxException fuzzy = searchFails(String.join(" ", java.util.Collections.nCopies(17, "nazarbayev~2")));
    assertTrue(fuzzy.getMessage().contains("more than " + QueryLimits.MAX_EXPANDING_TERMS + " wildcard, fuzzy"), fuzzy.getMessage());
    assertTrue(parses(String.join(" ", java.util.Collections.nCopies(16, "nazarbayev~2"))));
    for (String q : expensive) {
      long t0 = System.nanoTime();
      try {
        steppe.searchArticles(SearchRequest.of(q));
        steppe.searchQuotes(SearchRequest.of(q));
      } catch (QuerySyntaxException e) {
        assertHumane(q, e);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 5_000, q + " took " + ms + " ms");
    }
  }

  @Test
  void tenThousandNestedParenthesesAreRefusedBeforeTheParserRecurses() {
    String deep = "(".repeat(10_000) + "astana" + ")".repeat(10_000);
    assertHumane(deep, searchFails(deep));
    // Within the length limit the nesting check itself must answer: 999 levels fit in 2000 characters.
    String withinLength = "(".repeat(996) + "a" + ")".repeat(996);
    QuerySyntaxException e = searchFails(withinLength);
    assertTrue(e.getMessage().contains("nests parentheses more than " + QueryLimits.MAX_NESTING), e.getMessage());
    assertEquals(QueryLimits.MAX_NESTING + 1, e.position());
    // Parentheses inside a phrase are words, and a sane depth is fine.
    String sane = "(".repeat(QueryLimits.MAX_NESTING) + "astana" + ")".repeat(QueryLimits.MAX_NESTING);
    assertTrue(parses(sane));
    assertTrue(parses("\"" + "(".repeat(100) + "astana\""));
  }

  @Test
  void tenThousandTermsAreAClearSyntaxErrorAndTooManyAreSearchedInPart() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append("w").append(i).append(' ');
    }
    QuerySyntaxException tooLong = searchFails(many.toString());
    assertTrue(tooLong.getMessage().contains("limit is " + SearchRequest.MAX_QUERY_LENGTH), tooLong.getMessage());
    // As many joined words as fit in the length limit pass Lucene's clause limit (each is a phrase
    // in every field): refused clearly when strict, searched in part (and said so) when lenient.
    String packed = String.join(" ", java.util.Collections.nCopies(499, "a-b"));
    QuerySyntaxException clauses = searchFails(packed);
    assertTrue(clauses.getMessage().contains("too many terms"), clauses.getMessage());
    QuerySyntaxException quotes = assertThrows(QuerySyntaxException.class,
        () -> steppe.searchQuotes(SearchRequest.of(packed).withStrict(true)));
    assertTrue(quotes.getMessage().contains("too many terms"), quotes.getMessage());
    SearchResult<ArticleHit> lenient = steppe.searchArticles(SearchRequest.of(packed));
    assertTrue(lenient.notice() != null && lenient.notice().contains("too many terms"), lenient.notice());
  }

  @Test
  void absurdPagesAreIllegalArgumentsWithAMessage() {
    for (int[] page : new int[][] {{-1, 10}, {0, -1}, {0, 101}, {Integer.MAX_VALUE, 10}, {10_001, 1},
        {Integer.MIN_VALUE, 1}, {0, Integer.MAX_VALUE}, {9_999, 100}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> steppe.searchArticles(SearchRequest.of("astana").withPage(page[0], page[1])), () -> page[0] + "/" + page[1]);
      assertHumane(page[0] + "/" + page[1], e);
    }
    IllegalArgumentException badCursor = assertThrows(IllegalArgumentException.class,
        () -> steppe.searchArticles(SearchRequest.of("astana").withCursor("!!not a cursor")));
    assertHumane("cursor", badCursor);
    IllegalArgumentException badDates = assertThrows(IllegalArgumentException.class,
        () -> SearchRequest.of("x").withDates(LocalDate.of(2020, 1, 2), LocalDate.of(2020, 1, 1)));
    assertHumane("dates", badDates);
  }

  @Test
  void loneSurrogatesAndControlCharactersAreSearchedOrRefusedCalmly() throws Exception {
    for (String q : List.of("\uD800", "astana\uDC00", "\uDBFF\uDBFF nazarbayev", "\u0000", "astana\u0000\u0001\u001f",
        "\u202Eastana", "\uFEFFastana", "a\u0007b", "\uD83D\uDE00 astana", "title:\uD800*", "\"\uDC00\"", "\r\n\t")) {
      try {
        SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of(q));
        for (ArticleHit h : r.hits()) {
          assertFalse(h.snippet() != null && hasLoneSurrogate(h.snippet()), "snippet with broken UTF-16 for " + q);
        }
        steppe.searchQuotes(SearchRequest.of(q));
      } catch (QuerySyntaxException e) {
        assertHumane(q, e);
      }
    }
    assertEquals(steppe.searchArticles(SearchRequest.of("astana")).total(),
        steppe.searchArticles(SearchRequest.of("astana\uD800")).total(), "a lone surrogate is a separator, not a failure");
  }

  @Test
  void aSearchThatRunsOutOfTimeReturnsWhatItHasFlagged() throws Exception {
    try (Steppe s = Steppe.open(index, SeedCorpus.STEPPE_CONFIG)) {
      assertFalse(s.searchArticles(SearchRequest.of("astana")).timedOut());
      s.setSearchTimeout(Duration.ofNanos(1)); // over before it starts
      SearchResult<ArticleHit> r = s.searchArticles(SearchRequest.of("astana"));
      assertTrue(r.timedOut(), "flagged");
      assertTrue(r.total() < steppe.searchArticles(SearchRequest.of("astana")).total(), "partial");
      // A filtered search too, though Lucene's own limit cannot cut its drill-sideways pass.
      SearchRequest filtered = SearchRequest.of("astana").withSources(List.of("EADaily", "Tengrinews", "CABAR.asia"));
      long all = steppe.searchArticles(filtered).total();
      assertTrue(all > 0, "the filter keeps some hits");
      SearchResult<ArticleHit> cut = s.searchArticles(filtered);
      assertTrue(cut.timedOut(), "flagged");
      assertTrue(cut.total() < all, "partial: " + cut.total() + " of " + all);
      assertThrows(IllegalArgumentException.class, () -> s.setSearchTimeout(Duration.ZERO));
    }
  }

  // ---- generated inputs --------------------------------------------------------------------------

  @Test
  void generatedQueriesAndRequestsNeverEscapeAsAnythingButTypedHumanErrors() throws Exception {
    Random random = new Random(SEED);
    Generator gen = new Generator(random);
    long maxParseNanos = 0;
    long maxSearchNanos = 0;
    int searches = 0;
    int refused = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < INPUTS; i++) {
      String q = gen.query();
      boolean search = i % SEARCH_EVERY == 0;
      boolean strict = false;
      long start = System.nanoTime();
      try {
        if (search) {
          searches++;
          SearchRequest request = gen.request(q);
          strict = request.strict();
          if (random.nextBoolean()) {
            steppe.searchArticles(request);
          } else {
            steppe.searchQuotes(request);
          }
        } else {
          strict = random.nextBoolean();
          queries.text(SearchRequest.of(q).withStrict(strict), random.nextBoolean());
        }
      } catch (QuerySyntaxException e) {
        refused++;
        assertHumane(q, e);
        // Read leniently (the default), only the length limit refuses a query: anything else is searched.
        assertTrue(strict || e.getMessage().contains("characters long; the limit is"),
            "input #" + i + " " + escape(q) + " was refused in lenient mode: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        // Only our own argument checks may refuse a request: not an exception from deep inside Lucene.
        refused++;
        assertHumane(q, e);
        assertTrue(OUR_ARGUMENT_CHECKS.matcher(e.getMessage()).find(), "input #" + i + " " + escape(q) + ": " + e);
      } catch (Throwable t) {
        fail("input #" + i + " (seed " + SEED + ") " + escape(q) + " threw " + t, t);
      }
      long took = System.nanoTime() - start;
      if (search) {
        maxSearchNanos = Math.max(maxSearchNanos, took);
      } else {
        maxParseNanos = Math.max(maxParseNanos, took);
      }
    }
    long totalMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("hostile queries: %d inputs (%d searches), %d refused, %d ms; slowest parse %d ms, slowest search %d ms%n",
        INPUTS, searches, refused, totalMs, maxParseNanos / 1_000_000, maxSearchNanos / 1_000_000);
    assertTrue(maxParseNanos < 2_000_000_000L, "slowest parse " + maxParseNanos / 1_000_000 + " ms");
    // The searcher's own limit (2 s) stops collection; rewriting and highlighting are bounded by the limits.
    assertTrue(maxSearchNanos < 5_000_000_000L, "slowest search " + maxSearchNanos / 1_000_000 + " ms");
  }

  /** Random query text built from pieces of real queries, query syntax and hostile characters. */
  private static final class Generator {
    private static final String[] WORDS = {"Nazarbayev", "Nazarbaev", "EEU", "US", "IS", "Eurasian Economic Union",
        "Astana", "sovereignty", "kazak", "defence", "Putin", "Tengrinews", "said", "the", "a", "x", "12", "2015",
        "Almaty", "oil", "borders", "Kazakhstan", "sanctions", "Moscow", "é", "Ñandú", "Ærø", "ﬁ", "İstanbul"};
    private static final String[] SYNTAX = {" AND ", " OR ", " NOT ", " && ", " || ", "!", "+", "-", "(", ")", "\"",
        "~", "~2", "~0.5", "~-1", "^", "^2", "^-1", "^1e400", "[", "]", "{", "}", " TO ", ":", "/", "\\",
        "title:", "body:", "source:", "entity:", "speaker:", "author:", "quote:", "role:", "context:", "unknown:",
        "id:", "file:", "kind:", "/[a-", "\\\\", "\\\"", "\"\"", "()", "{a TO }", "date:[2015 TO 2016]", "&", "|",
        "@", "#", "~~", "^^", "::", "\\u0041"};
    /** Wildcards and regular expressions compile automata for every field: real, but slow, so rarer. */
    private static final String[] EXPANDING = {"*", "?", "*:*", "/.*a.*b.*c.*/", "a*b*c*d*", "(*)", "[* TO *]",
        "/(a|b)*/", "/a{3}{3}/", "/[^a]+/", "Naz*", "?stana", "sov*ty"};
    private static final String[] HOSTILE = {"\u0000", "\u0001", "\u001f", "\u007f", "\uD800", "\uDC00", "\uDBFF",
        "\uD83D\uDE00", "\u202E", "\u200B", "\uFEFF", "\u00A0", "\u3000", "\uFF08", "\u0301", "\n", "\r", "\t",
        "<script>alert(1)</script>", "' OR 1=1 --", "%00", "%2e%2e/", "../../etc/passwd", "${jndi:ldap://x}",
        "\uFFFF", "\uFFFE", "\u2028"};

    private final Random random;

    Generator(Random random) {
      this.random = random;
    }

    String query() {
      int shape = random.nextInt(100);
      if (shape < 2) {
        return randomChars(random.nextInt(50)); // raw noise
      }
      if (shape < 4) {
        int depth = random.nextInt(60);
        return "(".repeat(depth) + word() + ")".repeat(random.nextInt(depth + 1));
      }
      if (shape < 5 && random.nextInt(10) == 0) {
        StringBuilder b = new StringBuilder();
        int terms = 100 + random.nextInt(1200);
        for (int i = 0; i < terms; i++) {
          b.append(random.nextInt(4) == 0 ? word() + "~2" : word()).append(' ');
        }
        return b.toString();
      }
      StringBuilder b = new StringBuilder();
      int pieces = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
      for (int i = 0; i < pieces; i++) {
        int kind = random.nextInt(10);
        b.append(kind < 5 ? word() : kind < 9 ? pick(random.nextInt(25) == 0 ? EXPANDING : SYNTAX) : pick(HOSTILE));
        if (random.nextInt(3) == 0) {
          b.append(' ');
        }
      }
      return b.toString();
    }

    SearchRequest request(String q) {
      int offset = switch (random.nextInt(10)) {
        case 0 -> -random.nextInt(1000) - 1;
        case 1 -> random.nextInt();
        case 2 -> 9_900 + random.nextInt(200);
        default -> random.nextInt(30);
      };
      int size = switch (random.nextInt(10)) {
        case 0 -> random.nextInt();
        case 1 -> 95 + random.nextInt(10);
        default -> random.nextInt(20);
      };
      LocalDate from = random.nextInt(4) == 0 ? LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000) : null;
      LocalDate to = random.nextInt(4) == 0 ? LocalDate.ofEpochDay(random.nextInt(40_000) - 10_000) : null;
      return new SearchRequest(random.nextInt(5) == 0 ? null : q, names(), names(), names(),
          random.nextInt(4) == 0 ? List.of(EntityType.values()[random.nextInt(EntityType.values().length)]) : null,
          from, to, SortOrder.values()[random.nextInt(SortOrder.values().length)], offset, size, cursor(),
          random.nextBoolean(), random.nextInt(4) == 0);
    }

    private List<String> names() {
      if (random.nextInt(3) != 0) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (int i = random.nextInt(3); i >= 0; i--) {
        out.add(random.nextBoolean() ? word() : pick(HOSTILE));
      }
      return out;
    }

    private String cursor() {
      return switch (random.nextInt(12)) {
        case 0 -> randomChars(random.nextInt(20));
        case 1 -> b64((random.nextBoolean() ? "r:" : "d:") + (random.nextInt() % 100_000) + ":" + random.nextLong());
        case 2 -> b64("r:" + random.nextInt(50) + ":" + random.nextInt());
        case 3 -> b64("d:" + random.nextInt(50) + ":" + random.nextInt(30_000));
        case 4 -> b64(randomChars(10));
        default -> null;
      };
    }

    private static String b64(String s) {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private String word() {
      return random.nextInt(8) == 0 ? randomChars(1 + random.nextInt(8)) : pick(WORDS);
    }

    private String pick(String[] from) {
      return from[random.nextInt(from.length)];
    }

    private String randomChars(int n) {
      StringBuilder b = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        b.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x60)));
      }
      return b.toString();
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------

  /** Read strictly, {@code q} is refused with a typed, humane error. */
  private static QuerySyntaxException searchFails(String q) {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> steppe.searchArticles(SearchRequest.of(q).withStrict(true)),
        () -> "expected a syntax error for " + escape(q));
    assertHumane(q, e);
    return e;
  }

  private static boolean parses(String q) {
    queries.text(SearchRequest.of(q).withStrict(true), false);
    return true;
  }

  /** A message a person can act on: present, and free of the parser's internals. */
  private static void assertHumane(String input, Exception e) {
    String m = e.getMessage();
    String what = "for " + escape(input) + ": " + m;
    assertTrue(m != null && !m.isBlank(), "empty message " + what);
    for (String internal : List.of("Encountered", "<EOF>", "Exception", "org.apache", "Was expecting", "<TERM>", "Lexical error")) {
      assertFalse(m.contains(internal), "parser internals (" + internal + ") " + what);
    }
    assertFalse(java.util.regex.Pattern.compile("[A-Z][a-z]+Query\\b").matcher(m).find(), "a Lucene class name " + what);
  }

  private static boolean hasLoneSurrogate(String s) {
    return !QueryLimits.clean(s).equals(s);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    String shown = s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
    for (char c : shown.toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append('"').toString();
  }
}
