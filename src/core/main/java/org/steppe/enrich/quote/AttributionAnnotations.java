package org.steppe.enrich.quote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The attributions annotated in a PolNeAR split (brat standoff: {@code text/NAME.txt} and
 * {@code attributions/NAME_ANNOTATOR.ann}, Source, Cue and Content spans joined by {@code E} lines).
 * Only the first annotator's file of each article is read, as PolNeAR's scorer does.
 */
public final class AttributionAnnotations {
  private AttributionAnnotations() {}

  /** A stretch of an article's text: {@code [start, end)}. */
  public record Span(int start, int end) {
    /** Whether this span shares a character with {@code [from, to)}. */
    public boolean overlaps(int from, int to) {
      return start < to && from < end;
    }
  }

  /** One annotated attribution: who (Source) said what (Content); discontinuous spans have several parts. */
  public record Annotated(List<Span> source, List<Span> content) {
    public Annotated {
      source = List.copyOf(source);
      content = List.copyOf(content);
    }

    /** How many characters of the content lie in {@code [from, to)}. */
    public int contentOverlap(int from, int to) {
      int n = 0;
      for (Span s : content) {
        n += Math.max(0, Math.min(s.end(), to) - Math.max(s.start(), from));
      }
      return n;
    }
  }

  /** One article of the split: its text file and its attributions, in file order. */
  public record AnnotatedArticle(String name, Path textFile, List<Annotated> attributions) {
    public AnnotatedArticle {
      attributions = List.copyOf(attributions);
    }
  }

  /** The annotated articles of {@code splitDir}, sorted by name; articles whose text is missing are skipped. */
  public static List<AnnotatedArticle> read(Path splitDir) throws IOException {
    Path textDir = splitDir.resolve("text");
    Path annDir = splitDir.resolve("attributions");
    List<Path> anns;
    try (Stream<Path> files = Files.list(annDir)) {
      anns = files.filter(p -> p.getFileName().toString().endsWith(".ann")).sorted().toList();
    }
    Map<String, AnnotatedArticle> out = new LinkedHashMap<>();
    for (Path ann : anns) {
      String fileName = ann.getFileName().toString();
      int cut = fileName.lastIndexOf('_');
      String name = cut < 0 ? fileName.substring(0, fileName.length() - 4) : fileName.substring(0, cut);
      Path textFile = textDir.resolve(name + ".txt");
      if (out.containsKey(name) || !Files.isRegularFile(textFile)) {
        continue; // several annotators: the first file only
      }
      out.put(name, new AnnotatedArticle(name, textFile, parse(Files.readAllLines(ann, StandardCharsets.UTF_8))));
    }
    return List.copyOf(out.values());
  }

  /** The attributions of one {@code .ann} file's lines; lines that are not well-formed are skipped. */
  static List<Annotated> parse(List<String> lines) {
    Map<String, List<Span>> spans = new HashMap<>();
    List<Annotated> out = new ArrayList<>();
    List<Map<String, String>> relations = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split("\t", 3);
      if (line.startsWith("T") && parts.length == 3) {
        String[] kindPos = parts[1].split(" ", 2);
        if (kindPos.length == 2) {
          spans.put(parts[0], spans(kindPos[1]));
        }
      } else if (line.startsWith("E") && parts.length >= 2) {
        Map<String, String> rel = new HashMap<>();
        for (String p : parts[1].strip().split(" ")) {
          String[] kv = p.split(":", 2);
          if (kv.length == 2) {
            rel.put(kv[0], kv[1]);
          }
        }
        relations.add(rel);
      }
    }
    for (Map<String, String> rel : relations) {
      List<Span> source = spans.get(rel.getOrDefault("Source", ""));
      List<Span> content = spans.get(rel.getOrDefault("Content", ""));
      if (source != null && content != null && !source.isEmpty() && !content.isEmpty()) {
        out.add(new Annotated(source, content));
      }
    }
    return out;
  }

  /** "12 20;25 30" → two spans; malformed parts are dropped. */
  private static List<Span> spans(String positions) {
    List<Span> out = new ArrayList<>();
    for (String part : positions.split(";")) {
      String[] se = part.strip().split(" ");
      try {
        if (se.length == 2) {
          out.add(new Span(Integer.parseInt(se[0]), Integer.parseInt(se[1])));
        }
      } catch (NumberFormatException e) {
        // a broken fragment: the rest of the annotation still counts
      }
    }
    return out;
  }
}
