package org.steppe.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date that a file states in a machine-readable field (JSON Lines {@code date}, a page's
 * {@code datePublished} or {@code article:published_time}): ISO-8601 dates and date-times, and
 * RFC 1123 date-times. A date-time counts for the day written in it, in the writer's own time zone.
 */
public final class StatedDate {
  private static final Pattern ISO = Pattern.compile("^\\s*(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?![\\d])");
  private static final Pattern COMPACT = Pattern.compile("^\\s*(\\d{4})(\\d{2})(\\d{2})(?:T|\\s*$)");

  private StatedDate() {}

  /** The date in {@code value}, or {@code null} when it states none (nothing is guessed). */
  public static LocalDate parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = ISO.matcher(value);
    if (!m.find()) {
      m = COMPACT.matcher(value);
      if (!m.find()) {
        return rfc1123(value.strip());
      }
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalDate rfc1123(String value) {
    try {
      return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
