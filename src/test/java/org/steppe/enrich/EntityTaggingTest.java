package org.steppe.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.SeedCorpus;
import org.steppe.config.ConfigDir;
import org.steppe.config.ConfigException;
import org.steppe.enrich.pipeline.Enricher;

/** Entity tagging on the seeds and on text made to trip it. */
class EntityTaggingTest {
  private final Enricher enricher = Enricher.load(SeedCorpus.CONFIG);

  private Set<String> people(String seed) {
    return enricher.enrich(SeedCorpus.seed(seed)).entities().stream()
        .filter(e -> e.type() == EntityType.PERSON).map(Entity::name).collect(Collectors.toSet());
  }

  @Test
  void spellingVariantsJoinUnderTheCanonicalName() {
    EnrichedArticle e = enricher.enrich(SeedCorpus.seed("001"));
    Entity nazarbayev = e.entities().stream().filter(x -> x.name().equals("Nursultan Nazarbayev")).findFirst().orElseThrow();
    assertTrue(nazarbayev.mentions().stream().anyMatch(m -> m.text().equals("Nazarbaev")));
    Entity kazakhstan = e.entities().stream().filter(x -> x.name().equals("Kazakhstan")).findFirst().orElseThrow();
    assertTrue(kazakhstan.mentions().stream().allMatch(m -> m.text().equals("Kazakstan")), "001 spells it Kazakstan");
    assertTrue(e.entities().stream().anyMatch(x -> x.name().equals("Eurasian Economic Union")));
  }

  @Test
  void musinIsAskarMusinov() {
    EnrichedArticle e = enricher.enrich(SeedCorpus.seed("000"));
    Entity musinov = e.entities().stream().filter(x -> x.name().equals("Askar Musinov")).findFirst().orElseThrow();
    assertTrue(musinov.mentions().stream().map(Mention::text).collect(Collectors.toSet()).containsAll(Set.of("Musin", "Musinov")));
  }

  @Test
  void peopleNoGazetteerListsAreFoundByRules() {
    assertTrue(people("001").containsAll(Set.of("Galymbek Akulbekov", "Zauresh Battalova")), people("001").toString());
    assertTrue(people("003").contains("Stanislav Pritchin"), people("003").toString());
  }

  @Test
  void headlineWordsAndDemonymsAreNotEntities() {
    List<Entity> entities = enricher.enrich(SeedCorpus.seed("001")).entities();
    Set<String> names = entities.stream().map(Entity::name).collect(Collectors.toSet());
    for (String noise : List.of("Pragmatism", "Cave-in", "Focus", "Language", "Identity")) {
      assertFalse(names.contains(noise), noise + " is a heading word: " + names);
    }
    // A demonym is at most a misc name, as nationalities are in the model's training data ("Russian"):
    // never a person, an organisation or a place.
    for (Entity e : entities) {
      if (List.of("Kazak", "Russian", "Russians", "Ukrainian", "Western").contains(e.name())) {
        assertEquals(EntityType.MISC, e.type(), e.name() + " is a demonym, not a " + e.type());
      }
    }
    assertTrue(names.contains("Galymbek Akulbekov"));
  }

  @Test
  void surnameAloneJoinsTheFullNameSeenEarlier() {
    EnrichedArticle e = enricher.enrich(SeedCorpus.seed("001"));
    Entity akulbekov = e.entities().stream().filter(x -> x.name().equals("Galymbek Akulbekov")).findFirst().orElseThrow();
    assertTrue(akulbekov.mentions().stream().anyMatch(m -> m.text().equals("Akulbekov")),
        "'Akulbekov, too, said' is the economist named earlier");
  }

  @Test
  void allCapitalsAliasesMatchOnlyInCapitalsAndNamesNeedACapital() {
    Gazetteer g = Gazetteer.load(SeedCorpus.CONFIG);
    GazetteerRecognizer r = new GazetteerRecognizer(g);
    String text = "It is what it is, said the IS fighter; the eeu and the EEU; russia and Russia; Nazarbáev.";
    List<EntityMention> found = r.recognize(text);
    List<String> texts = found.stream().map(EntityMention::text).toList();
    assertEquals(List.of("IS", "EEU", "Russia", "Nazarbáev"), texts, "accent-folded, case rules applied: " + found);
    assertEquals("Nursultan Nazarbayev", found.get(3).name());
  }

  @Test
  void longestMatchWins() {
    GazetteerRecognizer r = new GazetteerRecognizer(Gazetteer.load(SeedCorpus.CONFIG));
    List<EntityMention> found = r.recognize("The UN Security Council met; the UN did not.");
    assertEquals("United Nations Security Council", found.get(0).name());
    assertEquals("UN Security Council", found.get(0).text());
    assertEquals("United Nations", found.get(1).name());
  }

  @Test
  void initialismsWithFullStopsMatchTheirAlias() {
    GazetteerRecognizer r = new GazetteerRecognizer(Gazetteer.load(SeedCorpus.CONFIG));
    List<EntityMention> found = r.recognize("U.S. officials met. The U.S. said so. A u.s. dollar. U. S. Steel.");
    assertEquals(List.of("U.S.", "U.S."), found.stream().map(EntityMention::text).toList(),
        "'U.S.' is an alias of United States, full stops included; lower case and spaced letters are not: " + found);
    assertTrue(found.stream().allMatch(m -> m.name().equals("United States")));
  }

  @Test
  void offsetsIndexTheOriginalText() {
    var article = SeedCorpus.seed("003");
    for (EntityMention m : enricher.enrich(article).mentions()) {
      assertEquals(m.text(), article.text().substring(m.start(), m.end()));
    }
  }

  @Test
  void possessivesAndSentenceStartsAreNotPeople() {
    PersonRuleRecognizer rules = new PersonRuleRecognizer(PersonRules.load(SeedCorpus.CONFIG), SpeechVerbs.load(SeedCorpus.CONFIG));
    List<EntityMention> found = rules.recognize("Kazakhstan’s Foreign Policy said nothing. The Minister said so. Economist Aigul Sultanova said it.");
    assertEquals(List.of("Aigul Sultanova"), found.stream().map(EntityMention::name).toList());
  }

  @Test
  void aMalformedGazetteerNamesFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("gazetteer.yaml"), "entities:\n  - name: Astana\n    type: place\n  - name: Bad\n    type: planet\n");
    ConfigException e = assertThrows(ConfigException.class, () -> Gazetteer.load(ConfigDir.of(dir)));
    assertTrue(e.getMessage().contains("gazetteer.yaml"), e.getMessage());
    assertEquals(5, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("planet"), e.getMessage());
  }

  @Test
  void brokenYamlSyntaxNamesTheLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - name: A\n    match: ['x'\n  - name: B\n");
    ConfigException e = assertThrows(ConfigException.class, () -> org.steppe.ingest.SourceCatalog.load(ConfigDir.of(dir)));
    assertTrue(e.getMessage().contains("sources.yaml:"), e.getMessage());
    assertTrue(e.line() >= 3, e.getMessage());
  }

  @Test
  void aMissingOptionalFileFallsBackToTheBuiltInDefault(@TempDir Path dir) {
    Gazetteer g = Gazetteer.load(ConfigDir.of(dir));
    assertFalse(g.entities().isEmpty(), "the built-in gazetteer stands in");
  }
}
