package org.steppe.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;

/**
 * The literal prefilter in front of the boilerplate, metadata and source patterns changes no
 * answer: the same articles come out with and without it, on the seeds, Reuters-21578 and the
 * article-extraction benchmark's pages, and no configured pattern is ever ruled out of a line it
 * matches.
 */
class LinePatternsTest {
  private static final List<Path> CORPORA = List.of(SeedCorpus.DIR, Path.of("../shared/datasets/reuters21578"),
      Path.of("../shared/datasets/article-extraction/html"));

  @Test
  void cleaningGivesTheSameArticlesWithAndWithoutThePrefilter() {
    BoilerplateRules boilerplate = BoilerplateRules.load(SeedCorpus.CONFIG);
    MetadataRules metadata = MetadataRules.load(SeedCorpus.CONFIG);
    SourceCatalog sources = SourceCatalog.load(SeedCorpus.CONFIG);
    ArticleCleaner fast = new ArticleCleaner(boilerplate, metadata, sources, true);
    ArticleCleaner plain = new ArticleCleaner(boilerplate, metadata, sources, false);
    long compared = files().parallelStream().mapToLong(f -> {
      long n = 0;
      for (SourceDocument doc : CorpusFiles.documents(f)) {
        assertEquals(plain.clean(doc, Metadata.NONE), fast.clean(doc, Metadata.NONE), f + "#" + doc.id());
        n++;
      }
      return n;
    }).sum();
    assertTrue(compared > 21_000 || !Files.isDirectory(CORPORA.get(1)), "Reuters' stories are all compared: " + compared);
  }

  @Test
  void noConfiguredPatternIsRuledOutOfALineItMatches() {
    List<Pattern> patterns = new ArrayList<>();
    BoilerplateRules boilerplate = BoilerplateRules.load(SeedCorpus.CONFIG);
    patterns.addAll(boilerplate.chrome());
    patterns.addAll(boilerplate.metadataLines());
    patterns.addAll(boilerplate.inline());
    MetadataRules metadata = MetadataRules.load(SeedCorpus.CONFIG);
    patterns.addAll(metadata.dates());
    patterns.addAll(metadata.authors());
    patterns.addAll(metadata.urls());
    SourceCatalog.load(SeedCorpus.CONFIG).sources().forEach(s -> patterns.addAll(s.match()));
    // Every pattern on every line is slow: the seeds, the pages and one Reuters file (1,000 stories).
    List<String> lines = files().parallelStream().filter(f -> !f.toString().endsWith(".sgm") || f.endsWith("reut2-000.sgm"))
        .flatMap(f -> CorpusFiles.documents(f).stream()).flatMap(d -> d.text().lines()).distinct().toList();
    int withLiterals = 0;
    for (Pattern p : patterns) {
      RequiredLiterals required = RequiredLiterals.of(p);
      withLiterals += required.isEmpty() ? 0 : 1;
      for (String line : lines) {
        if (p.matcher(line).find()) {
          assertTrue(required.mayMatch(line, RequiredLiterals.lowerAscii(line)), p + " on " + line);
        }
      }
    }
    assertTrue(withLiterals * 4 >= patterns.size() * 3,
        "most configured patterns require some literal: " + withLiterals + " of " + patterns.size());
  }

  @Test
  void readsTheLiteralsAMatchMustContain() {
    assertEquals(List.of(Set.of("Tengrinews reports")), sets(RequiredLiterals.of(Pattern.compile("\\bTengrinews reports\\.?\\s*$"))));
    assertEquals(List.of(Set.of(" in Facebook", " in VK")),
        sets(RequiredLiterals.of(Pattern.compile("^\\s*\\S.{0,40} in (Facebook|VK)\\s*$"))));
    // Inside a look-ahead, too; the weekday then the comma after it.
    RequiredLiterals weekday = RequiredLiterals.of(Pattern.compile("^(?=(?s:.*?)day,\\s+\\d)(?s:.*)(Monday|Sunday),\\s+\\d"));
    assertEquals(Set.of("Monday,", "Sunday,"), sets(weekday).get(0));
    assertTrue(sets(weekday).contains(Set.of("day,")));
    // A group repeated three times holds three commas of its own.
    RequiredLiterals trail = RequiredLiterals.of(Pattern.compile("^\\s*+(?=(?:[^,]*+,){3})[A-Z]"));
    assertFalse(trail.mayMatch("Oil, gas, coal", "oil, gas, coal"));
    assertTrue(trail.mayMatch("Oil, gas, coal, metals", "oil, gas, coal, metals"));
    RequiredLiterals copyright = RequiredLiterals.of(Pattern.compile("(?i)^\\s*copyright\\b"));
    assertTrue(copyright.ignoreCase());
    assertTrue(copyright.mayMatch("COPYRIGHT 2017", "copyright 2017"));
    assertFalse(copyright.mayMatch("All rights reserved", "all rights reserved"));
  }

  @Test
  void whatMayBeAbsentOrIsNotUnderstoodIsNotRequired() {
    for (String re : List.of("a|bc", "x?", "(ab)*c?", "(?:foo)?bar|baz", "\\Qa.b\\E", "\\x41BC", "(a)\\1",
        "(?x) a b", "(?iu)straße", "(?!no)yes|maybe", "[]a]", "a{0,3}", "(?u)k",
        "(?:(?=aa)a){2}", "(?:a(?<=aa)){2}", "(?:,[^,]*){2}b")) {
      Pattern p = Pattern.compile(re);
      RequiredLiterals r = RequiredLiterals.of(p);
      for (String line : List.of("a", "bc", "x", "", "c", "bar", "baz", "a.b", "ABC", "aa", "ab", "straße", "STRASSE",
          "maybe", "yes", "]", "aaa", "K", "\u212A", ",,b", ",x,b")) {
        if (p.matcher(line).find()) {
          assertTrue(r.mayMatch(line, RequiredLiterals.lowerAscii(line)), re + " on " + line);
        }
      }
    }
    assertEquals(List.of(Set.of("bar")), sets(RequiredLiterals.of(Pattern.compile("(?:foo)?bar"))));
    assertTrue(RequiredLiterals.of(Pattern.compile("\\x41BC")).isEmpty(), "an escape it cannot read: nothing required");
    assertTrue(RequiredLiterals.of(Pattern.compile("(?u)k")).isEmpty(), "Unicode case folding: nothing required");
  }

  private static List<Set<String>> sets(RequiredLiterals r) {
    return r.factors().stream().map(f -> Set.copyOf(f.strings())).toList();
  }

  private static List<Path> files() {
    return CorpusFiles.under(CORPORA, f -> true);
  }
}
