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
  private final List<String> sourceNames;
  private final List<LinePatterns> sourcePatterns;
  private final LinePatterns dates;
  private final LinePatterns authors;
  private final LinePatterns urls;

  /** @param prefilter whether patterns skip lines that lack their required literals */
  MetadataExtractor(MetadataRules rules, SourceCatalog sources, boolean prefilter) {
    this.rules = rules;
    this.sourceNames = sources.sources().stream().map(SourceCatalog.Source::name).toList();
    this.sourcePatterns = sources.sources().stream().map(s -> new LinePatterns(s.match(), prefilter)).toList();
    this.dates = new LinePatterns(rules.dates(), prefilter);
    this.authors = new LinePatterns(rules.authors(), prefilter);
    this.urls = new LinePatterns(rules.urls(), prefilter);
  }

  /**
   * @param rawLines every line of the text (for sources: mastheads and copyright lines count)
   * @param metaLines the lines that are not site furniture (for date, author, URL)
   * @param bodyLines the article's own lines, in order (for the title)
   */
  Metadata extract(List<String> rawLines, List<String> metaLines, List<String> bodyLines) {
    return new Metadata(
        title(bodyLines), source(rawLines), date(metaLines), author(metaLines), url(metaLines));
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

  /** The first source (in catalog order) with a pattern found on some line. */
  private String source(List<String> lines) {
    for (int s = 0; s < sourcePatterns.size(); s++) {
      LinePatterns.Scan scan = sourcePatterns.get(s).scan();
      for (String line : lines) {
        if (scan.anyFind(line)) {
          return sourceNames.get(s);
        }
      }
    }
    return null;
  }

  private LocalDate date(List<String> lines) {
    LinePatterns.Scan scan = dates.scan();
    for (int i = 0; i < scan.size(); i++) {
      for (String line : lines) {
        Matcher m = scan.found(i, line);
        while (m != null) {
          LocalDate d = toDate(m.group("year"), m.group("month"), m.group("day"));
          if (d != null) {
            return d;
          }
          m = m.find() ? m : null;
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
    LinePatterns.Scan scan = authors.scan();
    for (int i = 0; i < scan.size(); i++) {
      Pattern p = rules.authors().get(i);
      for (String line : lines) {
        Matcher m = scan.found(i, line);
        if (m != null && m.group("author") != null && !m.group("author").isBlank()) {
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
    LinePatterns.Scan scan = urls.scan();
    for (int i = 0; i < scan.size(); i++) {
      for (String line : lines) {
        Matcher m = scan.found(i, line);
        if (m != null) {
          return m.group("url").strip();
        }
      }
    }
    return null;
  }
}
