package org.steppe.enrich.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityRecognizer;
import org.steppe.enrich.EntityType;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

class ModelEntityRecognizerTest {
  private static final EntityRecognizer MODEL = ModelEntityRecognizer.builtIn().orElseThrow();

  @Test
  void findsPeopleTheGazetteerDoesNotListInTheSeedCorpus() {
    Corpus corpus = Corpus.open(Path.of("corpus"), ConfigDir.of(Path.of("index-config")), IngestListener.SILENT);
    Enricher enricher = Enricher.load(ConfigDir.of(Path.of("index-config")));
    List<EntityMention> people = new ArrayList<>();
    List<EntityMention> modelPeople = new ArrayList<>();
    for (Path file : corpus.files()) {
      for (Article article : corpus.read(file)) {
        EnrichedArticle enriched = enricher.enrich(article);
        enriched.mentions().stream().filter(m -> m.type() == EntityType.PERSON).forEach(people::add);
        MODEL.recognize(article.cleanText()).stream().filter(m -> m.type() == EntityType.PERSON).forEach(modelPeople::add);
      }
    }
    for (String name : List.of("Galymbek Akulbekov", "Zauresh Battalova", "Stanislav Pritchin")) {
      assertTrue(people.stream().anyMatch(m -> m.name().equals(name) && m.text().equals(name)),
          name + " should be a person mention; people found: " + people.stream().map(EntityMention::name).distinct().toList());
      // The model finds them by itself, not only through the person rules.
      assertTrue(modelPeople.stream().anyMatch(m -> m.text().equals(name)), name + " should be found by the model");
    }
    // The surname alone, later in the article, joins the full name the model found.
    assertTrue(people.stream().anyMatch(m -> m.text().equals("Akulbekov") && m.name().equals("Galymbek Akulbekov")));
  }

  @Test
  void tagsEveryTypeWithOffsetsIntoTheOriginalText() {
    String text = "Economist Galymbek Akulbekov told Reuters in Almaty on Monday that the European Union\u2019s"
        + " sanctions hurt.\nHe spoke in English.";
    List<EntityMention> mentions = MODEL.recognize(text);
    for (EntityMention m : mentions) {
      assertEquals(m.text(), text.substring(m.start(), m.end()));
      assertEquals(EntityMention.MODEL, m.origin());
    }
    assertTrue(mentions.contains(mention(text, "Galymbek Akulbekov", EntityType.PERSON)), mentions.toString());
    assertTrue(mentions.contains(mention(text, "Reuters", EntityType.ORGANIZATION)), mentions.toString());
    assertTrue(mentions.contains(mention(text, "Almaty", EntityType.PLACE)), mentions.toString());
    assertTrue(mentions.contains(mention(text, "European Union", EntityType.ORGANIZATION)), mentions.toString());
    assertTrue(mentions.contains(mention(text, "English", EntityType.MISC)), mentions.toString());
  }

  @Test
  void dropsWhatTheConfigurationSaysIsNoName() {
    String text = "Kazak officials met the Vice-Minister of Foreign Affairs Askar Musinov in Astana.\n"
        + "\"Recent events testify to this,\" the Vice-Minister stressed, in Kazak.";
    ModelEntityRecognizer filtered = ModelEntityRecognizer.builtIn().orElseThrow()
        .filtering(java.util.Set.of("kazak"), java.util.Set.of("vice minister", "president"));
    List<EntityMention> mentions = filtered.recognize(text);
    assertTrue(mentions.stream().noneMatch(m -> m.text().equals("Vice-Minister")), mentions.toString());
    // A not-name word is at most a nationality (misc), never a person, organisation or place.
    assertTrue(mentions.stream().filter(m -> m.text().equals("Kazak")).allMatch(m -> m.type() == EntityType.MISC), mentions.toString());
    assertTrue(mentions.contains(mention(text, "Askar Musinov", EntityType.PERSON)), mentions.toString());
  }

  @Test
  void givesTheSameAnswerFromManyThreads() throws Exception {
    String text = "Kazakh President Nursultan Nazarbayev met Vladimir Putin in Moscow.\n"
        + "Stanislav Pritchin of the Russian Academy of Sciences was skeptical.";
    List<EntityMention> expected = MODEL.recognize(text);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<EntityMention>>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        results.add(pool.submit(() -> MODEL.recognize(text)));
      }
      for (Future<List<EntityMention>> f : results) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  private static EntityMention mention(String text, String words, EntityType type) {
    int start = text.indexOf(words);
    return new EntityMention(words, type, start, start + words.length(), words, EntityMention.MODEL);
  }

  @Test
  void aLongTextWithoutSentencePunctuationIsTaggedToItsEnd() {
    // 720 KB without a full stop: once one sentence to the model, which failed after 71 s
    // ("bestSequence is null"); sentences are now cut before the model sees them.
    StringBuilder text = new StringBuilder();
    String[] words = {"the", "talks", "in", "Astana", "went", "on", "and", "officials", "from", "Moscow", "said", "little", "about", "it"};
    for (int i = 0; text.length() < 720 * 1024; i++) {
      text.append(words[i % words.length]).append(i % 97 == 0 ? ", " : " ");
    }
    text.append("then Vladimir Putin spoke");
    List<EntityMention> found = MODEL.recognize(text.toString());
    assertTrue(found.stream().anyMatch(m -> m.text().equals("Vladimir Putin") && m.type() == EntityType.PERSON),
        "the last words are tagged too");
    assertTrue(found.size() > 1000, found.size() + " mentions");
  }
}
