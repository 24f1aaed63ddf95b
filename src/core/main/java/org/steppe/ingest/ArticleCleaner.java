package org.steppe.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.steppe.config.ConfigDir;

/**
 * Turns a {@link SourceDocument} into an {@link Article}: drops boilerplate and repeated
 * paragraphs, and reads the metadata the text states. Immutable and thread-safe.
 */
public final class ArticleCleaner {
  private final BoilerplateRules boilerplate;
  private final LinePatterns chrome;
  private final LinePatterns metadataLines;
  private final LinePatterns inline;
  private final MetadataExtractor metadata;

  public ArticleCleaner(BoilerplateRules boilerplate, MetadataRules metadataRules, SourceCatalog sources) {
    this(boilerplate, metadataRules, sources, true);
  }

  /**
   * @param prefilter whether patterns skip lines that lack their required literals (the same
   *     result, faster); without, every pattern runs on every line
   */
  ArticleCleaner(BoilerplateRules boilerplate, MetadataRules metadataRules, SourceCatalog sources, boolean prefilter) {
    this.boilerplate = boilerplate;
    this.chrome = new LinePatterns(boilerplate.chrome(), prefilter);
    this.metadataLines = new LinePatterns(boilerplate.metadataLines(), prefilter);
    this.inline = new LinePatterns(boilerplate.inline(), prefilter);
    this.metadata = new MetadataExtractor(metadataRules, sources, prefilter);
  }

  /** A cleaner with the rules of {@code config}. */
  public static ArticleCleaner load(ConfigDir config) {
    return new ArticleCleaner(BoilerplateRules.load(config), MetadataRules.load(config), SourceCatalog.load(config));
  }

  /**
   * Cleans one document.
   *
   * @param stated metadata a manifest states for it; wins over what the text says
   */
  public Article clean(SourceDocument doc, Metadata stated) {
    List<Line> lines = Line.split(doc.text());
    List<String> raw = new ArrayList<>();
    List<String> meta = new ArrayList<>();
    List<Segment> kept = new ArrayList<>();
    List<String> bodyLines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    LinePatterns.Scan chromeScan = chrome.scan();
    LinePatterns.Scan metadataScan = metadataLines.scan();
    LinePatterns.Scan inlineScan = inline.scan();
    for (Line line : lines) {
      if (line.isBlank()) {
        continue;
      }
      raw.add(line.text());
      if (chromeScan.anyFind(line.text())) {
        continue;
      }
      meta.add(line.text());
      if (metadataScan.anyFind(line.text())) {
        continue;
      }
      String key = line.text().strip();
      if (!doc.paragraphed() && key.length() >= boilerplate.minRepeatLength() && !seen.add(key)) {
        continue; // the same paragraph again, as when a site repeats its lede
      }
      for (Segment s : withoutInline(line, inlineScan)) {
        kept.add(s);
      }
      bodyLines.add(line.text());
    }
    Metadata found = metadata.extract(raw, meta, bodyLines);
    Metadata merged = stated.orElse(doc.known()).orElse(found);
    return new Article(doc.id(), doc.file(), doc.text(), kept, merged, doc.paragraphed());
  }

  /** The parts of a line left once inline furniture is cut out, each trimmed, none empty. */
  private static List<Segment> withoutInline(Line line, LinePatterns.Scan inline) {
    List<int[]> cuts = new ArrayList<>();
    for (int i = 0; i < inline.size(); i++) {
      Matcher m = inline.found(i, line.text());
      if (m == null) {
        continue;
      }
      do {
        if (m.end() > m.start()) {
          cuts.add(new int[] {m.start(), m.end()});
        }
      } while (m.find());
    }

    cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<Segment> out = new ArrayList<>();
    int pos = 0;
    for (int[] cut : cuts) {
      if (cut[0] > pos) {
        addTrimmed(out, line, pos, cut[0]);
      }
      pos = Math.max(pos, cut[1]);
    }
    addTrimmed(out, line, pos, line.text().length());
    return out;
  }

  private static void addTrimmed(List<Segment> out, Line line, int from, int to) {
    String t = line.text();
    while (from < to && Line.isSpace(t.charAt(from))) {
      from++;
    }
    while (to > from && Line.isSpace(t.charAt(to - 1))) {
      to--;
    }
    if (to > from) {
      out.add(new Segment(line.start() + from, line.start() + to));
    }
  }
}
