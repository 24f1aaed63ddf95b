package org.steppe.bench;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Quote;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * The shared inputs of every query benchmark (Steppe in process, Solr, HTTP), made from
 * Reuters-21578 as Steppe reads it, with a fixed seed:
 *
 * <ul>
 *   <li>{@code queries/term.txt}: 200 single words: 150 drawn from the 2,000 most frequent
 *       non-stopword alphabetic words of the stories (skipping the 30 most frequent, which are
 *       wire jargon such as said, mln, dlrs, pct, reuter) and 50 Reuters PLACES/TOPICS names that
 *       occur in at least 20 stories;
 *   <li>{@code queries/and.txt}: 200 {@code +a +b} pairs of pool words that co-occur in a story;
 *   <li>{@code queries/phrase.txt}: 200 {@code "a b"} two-word phrases occurring in at least 10 stories;
 *   <li>{@code queries/http-steppe.txt}, {@code http-baseline.txt}: the term queries as request paths;
 *   <li>{@code export/reuters-enriched.jsonl}: every article with Steppe's entities and quotes, for
 *       the Solr peer (which has no enrichment of its own).
 * </ul>
 */
public final class QueryGen {
  public static void main(String[] args) throws Exception {
    Path qdir = Files.createDirectories(Bench.out().resolve("queries"));
    Path export = Files.createDirectories(Bench.out().resolve("export")).resolve("reuters-enriched.jsonl");
    if (Files.exists(qdir.resolve("http-baseline.txt")) && Files.exists(export) && !Boolean.getBoolean("gen.force")) {
      Bench.log("queries and export exist; -Dgen.force=true to remake them");
      return;
    }
    ConfigDir config = ConfigDir.defaultLocation();
    Corpus corpus = Corpus.open(Bench.reuters(), config, IngestListener.SILENT);
    List<Article> articles = new ArrayList<>();
    for (Path f : corpus.files()) {
      if (f.getFileName().toString().endsWith(".sgm")) { // the folder's README, PROVENANCE and lists are not stories
        articles.addAll(corpus.read(f));
      }
    }
    Bench.log("read %d Reuters articles", articles.size());

    CharArraySet stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    Map<String, Integer> df = new HashMap<>();
    Map<String, Integer> bigramDf = new HashMap<>();
    List<List<String>> docTerms = new ArrayList<>();
    try (Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET)) {
      for (Article a : articles) {
        List<String> toks = tokens(plain, a.body());
        Set<String> seen = new LinkedHashSet<>();
        Set<String> seenBigrams = new HashSet<>();
        for (int i = 0; i < toks.size(); i++) {
          String t = toks.get(i);
          if (word(t, stop)) {
            seen.add(t);
            if (i + 1 < toks.size() && word(toks.get(i + 1), stop)) {
              seenBigrams.add(t + " " + toks.get(i + 1));
            }
          }
        }
        seen.forEach(t -> df.merge(t, 1, Integer::sum));
        seenBigrams.forEach(t -> bigramDf.merge(t, 1, Integer::sum));
        docTerms.add(new ArrayList<>(seen));
      }
    }
    List<String> byDf = new ArrayList<>(df.keySet());
    byDf.sort((x, y) -> df.get(y) - df.get(x) != 0 ? df.get(y) - df.get(x) : x.compareTo(y));
    List<String> pool = byDf.subList(30, Math.min(byDf.size(), 2030));
    Set<String> poolSet = new HashSet<>(pool);
    Random rnd = new Random(42);

    List<String> names = new ArrayList<>();
    for (String f : List.of("all-places-strings.lc.txt", "all-topics-strings.lc.txt")) {
      for (String n : Bench.lines(Bench.reuters().resolve(f))) {
        String w = n.strip();
        if (w.matches("[a-z]{3,}") && df.getOrDefault(w, 0) >= 20) {
          names.add(w);
        }
      }
    }
    Collections.sort(names);
    Set<String> term = new LinkedHashSet<>();
    term.addAll(sample(names, 50, rnd));
    for (String w : sample(pool, 400, rnd)) {
      if (term.size() >= 200) {
        break;
      }
      term.add(w);
    }
    List<String> terms = new ArrayList<>(term);
    Collections.shuffle(terms, rnd);

    Set<String> and = new LinkedHashSet<>();
    while (and.size() < 200) {
      List<String> d = docTerms.get(rnd.nextInt(docTerms.size()));
      List<String> inPool = d.stream().filter(poolSet::contains).toList();
      if (inPool.size() < 2) {
        continue;
      }
      String a = inPool.get(rnd.nextInt(inPool.size()));
      String b = inPool.get(rnd.nextInt(inPool.size()));
      if (!a.equals(b)) {
        and.add("+" + a + " +" + b);
      }
    }
    List<String> bigrams = new ArrayList<>(bigramDf.entrySet().stream().filter(e -> e.getValue() >= 10).map(Map.Entry::getKey).sorted().toList());
    List<String> phrase = sample(bigrams, 200, rnd).stream().map(b -> "\"" + b + "\"").toList();

    Files.write(qdir.resolve("term.txt"), terms);
    Files.write(qdir.resolve("and.txt"), new ArrayList<>(and));
    Files.write(qdir.resolve("phrase.txt"), phrase);
    Files.write(qdir.resolve("http-steppe.txt"), terms.stream().map(t -> "/api/search?size=10&q=" + enc(t)).toList());
    Files.write(qdir.resolve("http-baseline.txt"), terms.stream().map(t -> "/search?q=" + enc(t)).toList());
    Bench.log("queries: %d term, %d and, %d phrase (from %d pool words, %d names, %d frequent bigrams)",
        terms.size(), and.size(), phrase.size(), pool.size(), names.size(), bigrams.size());

    export(articles, Enricher.load(config), export);
  }

  static void export(List<Article> articles, Enricher enricher, Path export) throws IOException {
    try (Writer w = Files.newBufferedWriter(export); SequenceWriter seq = Bench.JSON.copy()
        .disable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writer().withRootValueSeparator("\n").writeValues(w)) {
      for (Article a : articles) {
        EnrichedArticle e = enricher.enrich(a);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", a.id());
        doc.put("title", a.metadata().title());
        doc.put("body", a.body());
        doc.put("source", a.metadata().source());
        doc.put("date", a.metadata().date() == null ? null : a.metadata().date().toString());
        Map<String, List<String>> ents = new LinkedHashMap<>();
        for (Entity en : e.entities()) {
          ents.computeIfAbsent(en.type().label(), k -> new ArrayList<>()).add(en.name());
        }
        doc.put("entities", ents);
        doc.put("speakers", e.quotes().stream().map(Quote::speaker).filter(s -> s != null).distinct().toList());
        seq.write(doc);
      }
    }
    Bench.log("export: %s", export);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static boolean word(String t, CharArraySet stop) {
    return t.length() >= 3 && t.chars().allMatch(c -> c >= 'a' && c <= 'z') && !stop.contains(t);
  }

  static <T> List<T> sample(List<T> from, int n, Random rnd) {
    List<T> copy = new ArrayList<>(from);
    Collections.shuffle(copy, rnd);
    return copy.subList(0, Math.min(n, copy.size()));
  }

  static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    }
    return out;
  }
}
