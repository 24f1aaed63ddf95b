package org.steppe.server;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.steppe.search.EntityType;
import org.steppe.search.SearchRequest;
import org.steppe.search.SortOrder;

/**
 * Turns the query parameters of {@code /api/search} and {@code /api/quotes} into a
 * {@link SearchRequest}, refusing anything malformed with a {@link BadRequest} that says what is wrong.
 * Javalin-free, so it can be tested and reused on a plain parameter map.
 */
public final class SearchParams {
  private SearchParams() {}

  /** The request these parameters describe, page and size included. */
  public static SearchRequest parse(Map<String, List<String>> params) {
    String q = single(params, "q");
    if (q != null && q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw BadRequest.parameter("q is " + q.length() + " characters long; the limit is " + SearchRequest.MAX_QUERY_LENGTH);
    }
    LocalDate from = date(single(params, "from"), "from", false);
    LocalDate to = date(single(params, "to"), "to", true);
    if (from != null && to != null && from.isAfter(to)) {
      throw BadRequest.parameter("the date range is empty: from " + from + " is after to " + to);
    }
    int size = integer(params, "size", SearchRequest.DEFAULT_SIZE);
    if (size < 0 || size > SearchRequest.MAX_SIZE) {
      throw BadRequest.parameter("size must be between 0 and " + SearchRequest.MAX_SIZE + ", not " + size);
    }
    int page = integer(params, "page", 1);
    if (page < 1) {
      throw BadRequest.parameter("page must be 1 or more (pages are numbered from 1), not " + page);
    }
    long depth = (long) page * size;
    if (depth > SearchRequest.MAX_OFFSET) {
      throw BadRequest.parameter("page " + page + " of size " + size + " reaches past hit " + SearchRequest.MAX_OFFSET
          + "; follow nextCursor (the cursor parameter) to page deeper");
    }
    try {
      return new SearchRequest(q, many(params, "source"), many(params, "speaker"), many(params, "entity"),
          types(many(params, "type")), from, to, sort(single(params, "sort")), (page - 1) * size, size,
          single(params, "cursor"), bool(params, "strict"), group(single(params, "group")), many(params, "about"));
    } catch (IllegalArgumentException e) {
      // The checks above should have caught it; if the library grows a new rule, it is still the request's fault.
      throw BadRequest.parameter(e.getMessage());
    }
  }

  /** The value of a parameter given at most once, or {@code null} when absent or blank. */
  static String single(Map<String, List<String>> params, String name) {
    List<String> values = params.getOrDefault(name, List.of());
    List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
    if (given.size() > 1) {
      throw BadRequest.parameter(name + " may be given once, not " + given.size() + " times");
    }
    return given.isEmpty() ? null : given.get(0).strip();
  }

  /** Every non-blank value of a repeatable parameter. */
  static List<String> many(Map<String, List<String>> params, String name) {
    return params.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
  }

  /** A {@code true}/{@code false} parameter, or {@code fallback} when absent. */
  static boolean bool(Map<String, List<String>> params, String name, boolean fallback) {
    return single(params, name) == null ? fallback : bool(params, name);
  }

  /** An integer parameter, or {@code fallback} when absent. */
  static int integer(Map<String, List<String>> params, String name, int fallback) {
    String v = single(params, name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw BadRequest.parameter(name + " must be a whole number, not '" + v + "'");
    }
  }

  /** A true/false parameter; absent means false. */
  static boolean bool(Map<String, List<String>> params, String name) {
    String v = single(params, name);
    if (v == null || v.equalsIgnoreCase("false")) {
      return false;
    }
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    throw BadRequest.parameter(name + " must be true or false, not '" + v + "'");
  }

  /** {@code group=similar} folds repeated stories under the hit they repeat; absent: no grouping. */
  private static boolean group(String v) {
    if (v == null) {
      return false;
    }
    if (v.equals("similar")) {
      return true;
    }
    throw BadRequest.parameter("group must be similar (or left out), not '" + v + "'");
  }

  private static SortOrder sort(String v) {
    if (v == null) {
      return SortOrder.RELEVANCE;
    }
    try {
      return SortOrder.parse(v);
    } catch (IllegalArgumentException e) {
      throw BadRequest.parameter("sort: " + e.getMessage());
    }
  }

  private static List<EntityType> types(List<String> values) {
    try {
      return values.stream().map(EntityType::parse).toList();
    } catch (IllegalArgumentException e) {
      throw BadRequest.parameter(e.getMessage());
    }
  }

  /**
   * A day ({@code 2015-12-02}), or a month or year taken as its first ({@code from}) or last
   * ({@code to}) day, so the page's month and year buckets filter without date arithmetic.
   */
  private static LocalDate date(String v, String name, boolean endOfPeriod) {
    if (v == null) {
      return null;
    }
    try {
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(v);
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth m = YearMonth.parse(v);
        return endOfPeriod ? m.atEndOfMonth() : m.atDay(1);
      }
      if (v.matches("\\d{4}")) {
        int y = Integer.parseInt(v);
        return endOfPeriod ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
      }
    } catch (DateTimeException e) {
      // falls through to the message below
    }
    throw BadRequest.parameter(name + " must be a date as YYYY-MM-DD (or YYYY-MM, YYYY), not '" + v + "'");
  }
}
