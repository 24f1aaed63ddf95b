package org.steppe.formats.html;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a date written for readers in a line of a page ("Nov. 18, 2019", "18 November 2019",
 * "25. September 2018", "24 сентября 2018", "2019-04-10", "18.11.2019"). Month names come from
 * the JDK's locale data for the page's language and English, so no language is written into code.
 * Thread-safe.
 */
final class VisibleDate {
  private static final Map<String, VisibleDate> BY_LANGUAGE = new ConcurrentHashMap<>();
  private static final Pattern ISO = Pattern.compile("(?<![\\d.])(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");
  private static final Pattern NUMERIC = Pattern.compile("(?<![\\d./])(\\d{1,2})([./])(\\d{1,2})\\2(\\d{4})(?![\\d])");

  private final Map<String, Integer> months = new HashMap<>();
  private final boolean monthFirst;
  private final Pattern dayMonthYear;
  private final Pattern monthDayYear;

  private VisibleDate(String language) {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag(language))) {
      for (Month m : Month.values()) {
        for (TextStyle style : TextStyle.values()) {
          String name = m.getDisplayName(style, locale).toLowerCase(locale).replace(".", "");
          if (name.length() >= 3 && !name.chars().allMatch(Character::isDigit)) {
            months.putIfAbsent(name, m.getValue());
          }
        }
      }
    }
    months.putIfAbsent("sept", 9);
    // Numbers-only dates are month first in English (11.14.2019), day first elsewhere.
    this.monthFirst = language.isEmpty() || language.startsWith("en");
    List<String> names = new ArrayList<>(months.keySet());
    names.sort(Comparator.comparingInt(String::length).reversed());
    String month = "(?<month>" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")\\.?";
    String day = "(?<day>\\d{1,2})(?:st|nd|rd|th|er)?\\.?";
    String year = "(?<year>\\d{4})(?!\\d)";
    int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    this.dayMonthYear = Pattern.compile("(?<![\\p{L}\\d])" + day + "\\s*(?:de\\s+)?" + month + "(?![\\p{L}])\\s*(?:de\\s+)?,?\\s*" + year, flags);
    this.monthDayYear = Pattern.compile("(?<![\\p{L}])" + month + "(?![\\p{L}])\\s*" + day + ",?\\s*" + year, flags);
  }

  /** The reader for a page in {@code language} (a BCP 47 tag such as "en-GB"; empty when unknown). */
  static VisibleDate forLanguage(String language) {
    String key = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
    return BY_LANGUAGE.computeIfAbsent(key, VisibleDate::new);
  }

  /** The first date in {@code line}, or null. Dates without a year are not dates here. */
  LocalDate find(String line) {
    LocalDate best = null;
    int bestAt = Integer.MAX_VALUE;
    for (Pattern p : new Pattern[] {dayMonthYear, monthDayYear}) {
      Matcher m = p.matcher(line);
      while (m.find() && m.start() < bestAt) {
        Integer month = months.get(m.group("month").toLowerCase(Locale.ROOT).replace(".", ""));
        LocalDate d = month == null ? null : date(m.group("year"), month, m.group("day"));
        if (d != null) {
          best = d;
          bestAt = m.start();
          break;
        }
      }
    }
    Matcher iso = ISO.matcher(line);
    if (iso.find() && iso.start() < bestAt) {
      LocalDate d = date(iso.group(1), Integer.parseInt(iso.group(2)), iso.group(3));
      if (d != null) {
        best = d;
        bestAt = iso.start();
      }
    }
    Matcher num = NUMERIC.matcher(line);
    if (num.find() && num.start() < bestAt) {
      int a = Integer.parseInt(num.group(1));
      int b = Integer.parseInt(num.group(3));
      boolean monthFirstHere = a > 12 ? false : b > 12 || monthFirst;
      LocalDate d = monthFirstHere ? date(num.group(4), a, num.group(3)) : date(num.group(4), b, num.group(1));
      if (d != null) {
        best = d;
      }
    }
    return best;
  }

  private static LocalDate date(String year, int month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
