package org.steppe.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Gazetteer;
import org.steppe.ingest.Article;
import org.steppe.search.ArticleHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.IndexProgress;
import org.steppe.search.Steppe;
import org.steppe.search.WritableSteppe;

/** A journalist may type any spelling of an entity and must find every article that mentions it. */
class SpellingVariantsTest {
  @TempDir static Path indexDir;
  static WritableSteppe steppe;

  @BeforeAll
  static void indexSeeds() throws Exception {
    steppe = Steppe.openWritable(indexDir, SeedCorpus.STEPPE_CONFIG);
    steppe.indexCorpus(SeedCorpus.DIR, IndexProgress.NONE);
  }

  @AfterAll
  static void close() throws Exception {
    steppe.close();
  }

  @Test
  void everySpellingOfEverySeedEntityFindsEveryArticleMentioningIt() throws Exception {
    Enricher enricher = Enricher.load(SeedCorpus.CONFIG);
    Map<String, Set<String>> articlesByEntity = new HashMap<>();
    Map<String, List<String>> ambiguousByEntity = new HashMap<>();
    for (Gazetteer.Entry entry : enricher.gazetteer().entities()) {
      ambiguousByEntity.put(entry.name(), entry.ambiguous().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList());
    }
    for (Article a : SeedCorpus.articles().values()) {
      EnrichedArticle e = enricher.enrich(a);
      for (EntityMention m : e.mentions()) {
        // An ambiguous spelling ("Senate") is no search synonym: the article is owed to every
        // spelling only where it names the entity unambiguously.
        if (!ambiguousByEntity.getOrDefault(m.name(), List.of()).contains(m.text().toLowerCase(java.util.Locale.ROOT))) {
          articlesByEntity.computeIfAbsent(m.name(), k -> new HashSet<>()).add(a.id());
        }
      }
    }
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Gazetteer.Entry entry : enricher.gazetteer().entities()) {
      Set<String> expected = articlesByEntity.get(entry.name());
      if (expected == null) {
        continue; // not in the seeds
      }
      for (String spelling : entry.spellings()) {
        Set<String> found = ids(steppe.searchArticles(SearchRequest.of("\"" + spelling + "\"").withPage(0, 100)).hits());
        checked++;
        if (!found.containsAll(expected)) {
          Set<String> missing = new TreeSet<>(expected);
          missing.removeAll(found);
          failures.add(spelling + " (" + entry.name() + ") misses " + missing);
        }
      }
    }
    assertTrue(checked > 150, "the seeds mention most of the gazetteer: " + checked + " spellings checked");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void namedExamplesFromTheIssue() throws Exception {
    assertTrue(ids(search("Nazarbaev")).containsAll(ids(search("Nazarbayev"))));
    assertTrue(ids(search("EEU")).contains("001_70616fac980b1ee6.txt"), "001 only says 'Eurasian Economic Union'");
    assertTrue(ids(search("Kazakstan")).contains("000_f2ec2cef95c906d2.txt"), "000 only says 'Kazakhstan'");
    assertTrue(ids(search("Idrossov")).contains("002_4ac4e2ebd0d83a8e.txt"), "002 says 'Yerlan Idrisov'");
    assertTrue(ids(search("entity:Musin")).contains("000_f2ec2cef95c906d2.txt"));
  }

  private static List<ArticleHit> search(String q) throws Exception {
    return steppe.searchArticles(SearchRequest.of(q).withPage(0, 100)).hits();
  }

  private static Set<String> ids(List<ArticleHit> hits) {
    Set<String> out = new HashSet<>();
    hits.forEach(h -> out.add(h.id()));
    return out;
  }
}
