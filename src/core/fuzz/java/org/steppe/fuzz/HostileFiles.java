package org.steppe.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Article files made to break an ingest pipeline: text without sentence punctuation, one huge line,
 * nothing but quotation marks, deep nesting, random bytes, mixed encodings, tiny and large files,
 * Reuters SGML with unclosed tags and impossible entities, name and speech storms, exotic Unicode,
 * giant tokens, boilerplate look-alikes, and HTML, feed and JSON Lines files for the formats that
 * read them. Built from real article text ({@code material}) so that the pipeline's every stage
 * (boilerplate, metadata, recognisers, quotes) has something to bite on. The same seed gives the
 * same files; not thread-safe.
 */
public final class HostileFiles {
  /** A generated file: its path relative to the corpus, its bytes, and the shape that made it. */
  public record Generated(String name, byte[] bytes, Shape shape) {}

  /** The kinds of file, each with its share of the output (per ten thousand). */
  public enum Shape {
    PROSE(1500), SEED_MUTANT(900), NO_PUNCTUATION(700), ONE_LINE(500), QUOTE_MARKS(500), NESTING(500),
    RANDOM_BYTES(600), MIXED_ENCODING(700), TINY(400), SGML(900), NAMES(400), SPEECH(500), UNICODE(400),
    LONG_TOKEN(200), BOILERPLATE(500), MARKUP(300), LARGE(1);

    final int weight;

    Shape(int weight) {
      this.weight = weight;
    }
  }

  private static final String QUOTES = "\"\u201C\u201D\u2018\u2019'\u00AB\u00BB\u201E\u201A\u2039\u203A\u201F`";
  private static final String OPENERS = "([{\u201C\u2018\u00AB<\"'";
  private static final String[] SPEECH_VERBS = {"said", "says", "told reporters", "added", "stated", "declared", "noted",
      "according to", "insisted", "warned", "asked"};
  private static final String[] BOILERPLATE = {"Share on Facebook", "Tweet", "Print version", "USD 450.12 -0.3",
      "Wednesday, 17.04.2024, 00:26", "By Hayk Khalatyan", "Source: EADaily", "https://example.org/news/2015/12/02/a.html",
      "Published: 2 December 2015", "© Tengrinews 2015", "Reuter", "Politics, Economy, Society, World, Culture, Sport, Tech",
      "Please make active links to the source, when using materials from this website", "Subscribe to our Telegram",
      "Date: 2015-12-02", "Author: Staff", "Read more:", "Photo: Reuters", "Show more news", "All news"};
  private static final String[] EXOTIC = {"\u202E", "\u202D", "\u200B", "\u200D", "\u200E", "\uFEFF", "\u00AD", "\u2028",
      "\u2029", "\uFFFD", "\uFFFF", "\uD83D\uDE00", "\uD83C\uDDF0\uD83C\uDDFF", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629",
      "\u4E2D\u6587", "\u0939\u093F\u0928\u094D\u0926\u0940", "\u041A\u0430\u0437\u0430\u0445\u0441\u0442\u0430\u043D", "\u0301",
      "\u0E01\u0E32\u0E23", "\u00A0", "\u3000", "\u0007", "\u001B[31m", "\t", "\f", "\u0085", "\u2060", "\uDB40\uDC01"};

  private final Random random;
  private final List<String> material;
  private final List<String> words = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final List<String> sentences = new ArrayList<>();
  private final int totalWeight;

  /**
   * Files from {@code seed}, made of the words and sentences of {@code material} (real articles).
   *
   * @param material at least one non-empty text
   */
  public HostileFiles(long seed, List<String> material) {
    if (material.isEmpty()) {
      throw new IllegalArgumentException("needs some real article text to work from");
    }
    this.random = new Random(seed);
    this.material = List.copyOf(material);
    for (String text : material) {
      for (String w : text.split("\\s+")) {
        if (!w.isEmpty()) {
          words.add(w);
          if (Character.isUpperCase(w.charAt(0)) && w.chars().allMatch(Character::isLetter)) {
            names.add(w);
          }
        }
      }
      for (String s : text.split("(?<=[.!?])\\s+")) {
        if (s.length() > 20) {
          sentences.add(s.strip());
        }
      }
    }
    if (names.isEmpty()) {
      names.add("Nazarbayev");
    }
    if (sentences.isEmpty()) {
      sentences.add(material.get(0));
    }
    int sum = 0;
    for (Shape s : Shape.values()) {
      sum += s.weight;
    }
    totalWeight = sum;
  }

  /** File number {@code n} (its name is unique among the numbers): a shape drawn by weight, then made. */
  public Generated next(int n) {
    int pick = random.nextInt(totalWeight);
    Shape shape = Shape.values()[0];
    for (Shape s : Shape.values()) {
      pick -= s.weight;
      if (pick < 0) {
        shape = s;
        break;
      }
    }
    return make(n, shape);
  }

  /** File number {@code n} of the given shape. */
  public Generated make(int n, Shape shape) {
    String folder = String.format("d%03d/", n / 1000);
    String base = folder + n + "-" + shape.name().toLowerCase(java.util.Locale.ROOT);
    int size = size();
    return switch (shape) {
      case PROSE -> text(base, lineEndings(prose(size)), shape);
      case SEED_MUTANT -> new Generated(base + ".txt", mutant(size), shape);
      case NO_PUNCTUATION -> text(base, noPunctuation(size), shape);
      case ONE_LINE -> text(base, prose(size).replaceAll("\\s+", " "), shape);
      case QUOTE_MARKS -> text(base, quoteMarks(size), shape);
      case NESTING -> text(base, nesting(size), shape);
      case RANDOM_BYTES -> new Generated(base + ".txt", randomBytes(size), shape);
      case MIXED_ENCODING -> new Generated(base + ".txt", mixedEncodings(size), shape);
      case TINY -> new Generated(base + ".txt", tiny(), shape);
      case SGML -> new Generated(folder + "reut2-" + n + ".sgm", sgml(size).getBytes(StandardCharsets.ISO_8859_1), shape);
      case NAMES -> text(base, names(size), shape);
      case SPEECH -> text(base, lineEndings(speech(size)), shape);
      case UNICODE -> text(base, unicode(size), shape);
      case LONG_TOKEN -> text(base, longToken(size), shape);
      case BOILERPLATE -> text(base, lineEndings(boilerplate(size)), shape);
      case MARKUP -> markup(base, size);
      case LARGE -> text(base, random.nextBoolean() ? prose(1_000_000 + random.nextInt(1_000_000))
          : noPunctuation(1_000_000 + random.nextInt(1_000_000)), shape);
    };
  }

  /** Mostly article-sized, with a heavy tail: 92 % under 2 KB, 1 % over 20 KB, 0.05 % up to 800 KB. */
  private int size() {
    double r = random.nextDouble();
    if (r < 0.92) {
      return 100 + random.nextInt(1900);
    }
    if (r < 0.99) {
      return 2_000 + random.nextInt(18_000);
    }
    if (r < 0.9995) {
      return 20_000 + random.nextInt(180_000);
    }
    return 200_000 + random.nextInt(600_000);
  }

  private static Generated text(String base, String text, Shape shape) {
    return new Generated(base + ".txt", text.getBytes(StandardCharsets.UTF_8), shape);
  }

  // ---- shapes -------------------------------------------------------------------------------

  private String prose(int size) {
    StringBuilder b = new StringBuilder(size + 200);
    b.append(sentence().replaceAll("[.!?]+$", "")).append("\n\n");
    while (b.length() < size) {
      int inParagraph = 1 + random.nextInt(6);
      for (int i = 0; i < inParagraph && b.length() < size; i++) {
        b.append(sentence()).append(' ');
      }
      b.append("\n\n");
    }
    return b.toString();
  }

  private byte[] mutant(int size) {
    String text = pick(material);
    int from = random.nextInt(Math.max(1, text.length() - size));
    StringBuilder b = new StringBuilder(text.substring(from, Math.min(text.length(), from + size)));
    int mutations = 1 + random.nextInt(6);
    for (int m = 0; m < mutations && b.length() > 0; m++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(8)) {
        case 0 -> b.setLength(at); // cut
        case 1 -> b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + random.nextInt(2000))).repeat(1 + random.nextInt(20)));
        case 2 -> b.replace(0, b.length(), b.toString().toUpperCase(java.util.Locale.ROOT));
        case 3 -> b.replace(0, b.length(), b.toString().replace("\n", random.nextBoolean() ? " " : "\n\n\n\n"));
        case 4 -> b.insert(at, pick(EXOTIC).repeat(1 + random.nextInt(50)));
        case 5 -> b.replace(0, b.length(), b.toString().replaceAll("[.!?]", ""));
        case 6 -> b.insert(at, QUOTES.charAt(random.nextInt(QUOTES.length())));
        default -> b.replace(0, b.length(), b.toString().replace("\u201C", "\"").replace("\u201D", "\""));
      }
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(4) == 0 && bytes.length > 1) {
      // Cut inside a character's bytes: no longer valid UTF-8.
      bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
    }
    return bytes;
  }

  private String noPunctuation(int size) {
    StringBuilder b = new StringBuilder(size + 50);
    boolean newlines = random.nextBoolean();
    while (b.length() < size) {
      String w = pick(words).replaceAll("[\\p{Punct}\u201C\u201D\u2018\u2019\u00AB\u00BB\u2013\u2014]", "");
      if (!w.isEmpty()) {
        b.append(w).append(newlines && random.nextInt(200) == 0 ? '\n' : ' ');
      }
    }
    return b.toString();
  }

  private String quoteMarks(int size) {
    StringBuilder b = new StringBuilder(size);
    boolean withWords = random.nextBoolean();
    while (b.length() < size) {
      b.append(QUOTES.charAt(random.nextInt(QUOTES.length())));
      int r = random.nextInt(10);
      if (r < 2) {
        b.append(' ');
      } else if (r < 3) {
        b.append('\n');
      } else if (withWords && r < 6) {
        b.append(pick(words));
      }
    }
    return b.toString();
  }

  private String nesting(int size) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    boolean withWords = random.nextBoolean();
    while (open.length() + close.length() < size) {
      char o = OPENERS.charAt(random.nextInt(OPENERS.length()));
      open.append(o);
      if (withWords && random.nextInt(4) == 0) {
        open.append(pick(names)).append(' ').append(pick(SPEECH_VERBS)).append(' ');
      }
      close.insert(0, closerOf(o));
    }
    // Sometimes never closed, sometimes closed in the wrong order.
    return switch (random.nextInt(3)) {
      case 0 -> open.toString();
      case 1 -> open.toString() + close;
      default -> open.toString() + close.reverse();
    };
  }

  private static char closerOf(char c) {
    return switch (c) {
      case '(' -> ')';
      case '[' -> ']';
      case '{' -> '}';
      case '\u201C' -> '\u201D';
      case '\u2018' -> '\u2019';
      case '\u00AB' -> '\u00BB';
      case '<' -> '>';
      default -> c;
    };
  }

  private byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    if (random.nextBoolean()) {
      random.nextBytes(bytes); // binary
    } else {
      // No NUL and few control bytes: passes for text in some single-byte encoding.
      for (int i = 0; i < size; i++) {
        bytes[i] = (byte) (random.nextInt(20) == 0 ? '\n' : 32 + random.nextInt(224));
      }
    }
    return bytes;
  }

  private byte[] mixedEncodings(int size) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size + 100);
    Charset[] charsets = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"),
        StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE, Charset.forName("UTF-32LE"), Charset.forName("KOI8-R")};
    int start = random.nextInt(8);
    // Sometimes a byte-order mark first, right or wrong for what follows.
    byte[][] boms = {{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xFF, (byte) 0xFE, 0, 0}, {0, 0, (byte) 0xFE, (byte) 0xFF}};
    if (start < boms.length) {
      out.writeBytes(boms[start]);
    }
    while (out.size() < size) {
      switch (random.nextInt(6)) {
        case 0 -> out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a UTF-16 surrogate in UTF-8
        case 1 -> out.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xE0, (byte) 0x80}); // overlong, truncated
        default -> out.writeBytes((sentence() + (random.nextBoolean() ? "\n" : " ")).getBytes(pick(charsets)));
      }
    }
    return out.toByteArray();
  }

  private byte[] tiny() {
    String[] tiny = {"", " ", "\n", "a", "\u201C", "\uFEFF", "\r\n\r\n", ".", "A.", "\"\"", "<", "&#", "x\n\ny", "\u0301"};
    byte[] bytes = pick(tiny).getBytes(StandardCharsets.UTF_8);
    return random.nextInt(10) == 0 ? new byte[] {(byte) 0xFF, (byte) 0xFE} : bytes;
  }

  private String sgml(int size) {
    StringBuilder b = new StringBuilder(size + 500);
    b.append("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
    while (b.length() < size) {
      // Ids collide across files on purpose: duplicates must resolve the same way every run.
      int id = random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(1_000_000);
      switch (random.nextInt(10)) {
        case 0 -> b.append("<REUTERS NEWID=\"").append(id).append("\">"); // never closed
        case 1 -> b.append("<TITLE>").append(sentence()).append(' '); // unclosed title
        case 2 -> b.append("<".repeat(1 + random.nextInt(200))).append(">".repeat(random.nextInt(3)));
        case 3 -> b.append("&#").append(random.nextInt(5) == 0 ? "99999999999" : String.valueOf(random.nextInt(0x110000)))
            .append(random.nextBoolean() ? ";" : "");
        case 4 -> b.append("<REUTERS NEWID=\"").append(random.nextBoolean() ? "abc" : String.valueOf(id)).append("\" ")
            .append("X=\"".repeat(random.nextInt(20))).append("><TEXT TYPE=\"UNPROC\">&#2;").append(sentence())
            .append(" <b>").append(sentence()).append("</REUTERS>\n");
        case 5 -> b.append("<REUTERS NEWID=\"").append(id).append("\"><REUTERS NEWID=\"").append(id + 1)
            .append("\"><TEXT><TITLE>").append(sentence()).append("</TITLE><BODY>").append(prose(200 + random.nextInt(800)))
            .append("</BODY></TEXT></REUTERS></REUTERS>\n");
        default -> b.append("<REUTERS TOPICS=\"YES\" NEWID=\"").append(id).append("\">\n<DATE>")
            .append(random.nextInt(40)).append("-").append(random.nextBoolean() ? "FEB" : "XYZ").append("-1987 15:01:01.79</DATE>\n")
            .append("<TEXT>&#2;\n<TITLE>").append(sentence().toUpperCase(java.util.Locale.ROOT)).append("</TITLE>\n<DATELINE>    ")
            .append(pick(names).toUpperCase(java.util.Locale.ROOT)).append(", Feb 26 - </DATELINE><BODY>")
            .append(prose(300 + random.nextInt(1500))).append(random.nextBoolean() ? " Reuter\n&#3;</BODY>" : "")
            .append("</TEXT>\n</REUTERS>\n");
      }
    }
    return b.toString();
  }

  private String names(int size) {
    StringBuilder b = new StringBuilder(size + 50);
    while (b.length() < size) {
      b.append(pick(names));
      int r = random.nextInt(10);
      b.append(r < 5 ? " " : r < 7 ? ", " : r < 8 ? " and " : r < 9 ? ".\n" : "'s ");
    }
    return b.toString();
  }

  private String speech(int size) {
    StringBuilder b = new StringBuilder(size + 200);
    while (b.length() < size) {
      String who = pick(names) + (random.nextBoolean() ? " " + pick(names) : "");
      String verb = pick(SPEECH_VERBS);
      switch (random.nextInt(6)) {
        case 0 -> b.append('\u201C').append(sentence()).append(",\u201D ").append(who).append(' ').append(verb).append(". ");
        case 1 -> b.append(who).append(' ').append(verb).append(": \u201C").append(sentence()).append(' ');
        case 2 -> b.append(verb).append(' ').append(verb).append(' ').append(verb).append(' ');
        case 3 -> b.append('"').append(sentence()).append("\" ").append(verb).append(" \"").append(sentence()).append('"');
        case 4 -> b.append(who).append(", the ").append(pick(words)).append(" of ").append(pick(names)).append(", ")
            .append(verb).append(" that ").append(sentence()).append(' ');
        default -> b.append("\n\n\u201C").append(sentence()).append('\n');
      }
    }
    return b.toString();
  }

  private String unicode(int size) {
    StringBuilder b = new StringBuilder(size + 100);
    while (b.length() < size) {
      int r = random.nextInt(5);
      if (r == 0) {
        b.append('a').append("\u0301".repeat(1 + random.nextInt(500))); // a letter under a pile of accents
      } else if (r == 1) {
        b.append(sentence());
      } else {
        b.append(pick(EXOTIC)).append(random.nextBoolean() ? " " : "");
      }
    }
    return b.toString();
  }

  private String longToken(int size) {
    String[] units = {"a", ".", ".)", "U.S.", "-", "\u2014", "'s", "http://x.example/", "1,000.", "A", "\u2019", "_"};
    StringBuilder b = new StringBuilder(size + 20);
    b.append(sentence()).append(' ');
    String unit = pick(units);
    while (b.length() < size) {
      b.append(unit);
    }
    return b.append(". ").append(sentence()).toString();
  }

  private String boilerplate(int size) {
    StringBuilder b = new StringBuilder(size + 200);
    String repeated = sentence();
    while (b.length() < size) {
      int r = random.nextInt(6);
      if (r < 3) {
        b.append(pick(BOILERPLATE)).append('\n');
      } else if (r == 3) {
        b.append(repeated).append("\n\n"); // a paragraph repeated many times
      } else if (r == 4) {
        // A long run of short capitalised labels: what a category-trail rule backtracks over.
        int labels = 3 + random.nextInt(300);
        for (int i = 0; i < labels; i++) {
          b.append(pick(names)).append(random.nextInt(10) == 0 ? " - " : ", ");
        }
        b.append('\n');
      } else {
        b.append(sentence()).append("\n\n");
      }
    }
    return b.toString();
  }

  /** Hostile HTML, RSS and JSON Lines, for the formats that read them (files of formats not installed are simply not listed). */
  private Generated markup(String base, int size) {
    StringBuilder b = new StringBuilder(size + 200);
    switch (random.nextInt(3)) {
      case 0 -> {
        b.append("<!DOCTYPE html><html><head><title>").append(sentence()).append("</title><script>window.x=1</script></head><body>");
        while (b.length() < size) {
          b.append(random.nextBoolean() ? "<div><p>" + sentence() : "<" + pick(names) + " a='" + QUOTES.charAt(random.nextInt(QUOTES.length())));
        }
        return new Generated(base + ".html", b.toString().getBytes(StandardCharsets.UTF_8), Shape.MARKUP);
      }
      case 1 -> {
        b.append("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>")
            .append("<rss version=\"2.0\"><channel><title>").append(pick(names)).append("</title>");
        while (b.length() < size) {
          b.append("<item><title>").append(sentence()).append("</title><description><![CDATA[").append(sentence())
              .append(random.nextBoolean() ? "]]></description></item>" : " &b; <item>");
        }
        return new Generated(base + ".xml", b.toString().getBytes(StandardCharsets.UTF_8), Shape.MARKUP);
      }
      default -> {
        while (b.length() < size) {
          b.append(switch (random.nextInt(4)) {
            case 0 -> "{\"id\": \"" + random.nextInt(100) + "\", \"title\": \"" + sentence().replace("\"", "'") + "\", \"body\": \""
                + sentence().replace("\"", "'") + "\"}";
            case 1 -> "{\"id\": " + "[".repeat(random.nextInt(2000));
            case 2 -> "{\"title\": null, \"body\": 12, \"date\": \"2015-13-45\"}";
            default -> sentence();
          }).append('\n');
        }
        return new Generated(base + ".jsonl", b.toString().getBytes(StandardCharsets.UTF_8), Shape.MARKUP);
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Line endings as Windows or old Macs wrote them, sometimes. */
  private String lineEndings(String text) {
    return switch (random.nextInt(6)) {
      case 0 -> text.replace("\n", "\r\n");
      case 1 -> text.replace("\n", "\r");
      default -> text;
    };
  }

  private String sentence() {
    return pick(sentences);
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private <T> T pick(T[] from) {
    return from[random.nextInt(from.length)];
  }
}
