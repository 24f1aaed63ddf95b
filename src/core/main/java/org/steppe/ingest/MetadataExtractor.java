package org.steppe.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads title, source, date, author and URL from the lines of an article, by configured rules. */
final class MetadataExtractor {
  private final MetadataRules rules;
  private final SourceCatalog sources;

  MetadataExtractor(MetadataRules rules, SourceCatalog sources) {
    this.rules = rules;
    this.sources = sources;
  }

  /**
   * @param rawLines every line of the text (for sources: mastheads and copyright lines count)
   * @param metaLines the lines that are not site furniture (for date, author, URL)
   * @param bodyLines the article's own lines, in order (for the title)
   */
  Metadata extract(List<String> rawLines, List<String> metaLines, List<String> bodyLines) {
    return new Metadata(
        title(bodyLines), sources.recognise(rawLines), date(metaLines), author(metaLines), url(metaLines));
  }

  private String title(List<String> bodyLines) {
    if (bodyLines.isEmpty()) {
      return null;
    }
    String first = bodyLines.get(0).strip();
    // A title is a short first line that is not a sentence of the body.
    boolean shortLine = first.length() <= rules.titleMaxLength() && first.split("\\s+").length >= 2;
    boolean endsLikeSentence = first.endsWith(".") || first.endsWith(",") || first.endsWith(":")
        || first.endsWith(";") || first.endsWith("\"") || first.endsWith("”");
    // Some sites end headlines with a full stop; Title Case still tells them from a lede.
    return shortLine && (!endsLikeSentence || (first.endsWith(".") && titleCase(first))) ? first : null;
  }

  /** Whether most longer words start with a capital, as in "Stealth Over Health: Clinton Was Headed to ER". */
  private static boolean titleCase(String line) {
    int words = 0;
    int capitals = 0;
    for (String w : line.split("[\\s:;,]+")) {
      if (w.length() > 3) {
        words++;
        if (Character.isUpperCase(w.charAt(0))) {
          capitals++;
        }
      }
    }
    return words >= 3 && capitals * 10 >= words * 7;
  }

  private LocalDate date(List<String> lines) {
    for (Pattern p : rules.dates()) {
      for (String line : lines) {
        Matcher m = p.matcher(line);
        while (m.find()) {
          LocalDate d = toDate(m.group("year"), m.group("month"), m.group("day"));
          if (d != null) {
            return d;
          }
        }
      }
    }
    return null;
  }

  private static LocalDate toDate(String year, String month, String day) {
    try {
      int y = Integer.parseInt(year);
      int d = Integer.parseInt(day);
      int mo = month.chars().allMatch(Character::isDigit) ? Integer.parseInt(month) : monthNumber(month);
      return mo < 1 ? null : LocalDate.of(y, mo, d);
    } catch (NumberFormatException | DateTimeException e) {
      return null; // "31.02.2017" is not a date: keep looking rather than invent one
    }
  }

  private static int monthNumber(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Month m : Month.values()) {
      String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (n.length() >= 3 && full.startsWith(n.replace(".", ""))) {
        return m.getValue();
      }
    }
    return -1;
  }

  private String author(List<String> lines) {
    for (Pattern p : rules.authors()) {
      for (String line : lines) {
        Matcher m = p.matcher(line);
        if (m.find() && m.group("author") != null && !m.group("author").isBlank()) {
          String author = m.group("author").strip();
          if (p.namedGroups().containsKey("author2") && m.group("author2") != null) {
            author += ", " + m.group("author2").strip();
          }
          return author;
        }
      }
    }
    return null;
  }

  private String url(List<String> lines) {
    for (Pattern p : rules.urls()) {
      for (String line : lines) {
        Matcher m = p.matcher(line);
        if (m.find()) {
          return m.group("url").strip();
        }
      }
    }
    return null;
  }
}
