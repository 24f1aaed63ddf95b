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

  @Test
  void anAmbiguousAliasLinksOnlyWhereItsContextStands() {
    Set<String> us = enricher.enrich(article("The Senate voted 52-48 on Tuesday. Senate Majority Leader Mitch McConnell "
        + "said the Ministry of Foreign Affairs of Mexico had not been consulted, and Liberty University agreed."))
        .entities().stream().map(Entity::name).collect(Collectors.toSet());
    for (String kazakh : List.of("Senate of Kazakhstan", "Ministry of Foreign Affairs of Kazakhstan", "Liberty")) {
      assertFalse(us.contains(kazakh), "nothing Kazakh in a US story: " + us);
    }
    Set<String> kz = enricher.enrich(article("Kazakhstan's parliament met in Astana. The Senate approved the treaty, "
        + "and the Ministry of Foreign Affairs welcomed it.")).entities().stream().map(Entity::name).collect(Collectors.toSet());
    assertTrue(kz.containsAll(Set.of("Senate of Kazakhstan", "Ministry of Foreign Affairs of Kazakhstan")), kz.toString());
  }

  @Test
  void anAmbiguousSpellingNeedsItsContextWithinTheWindow() {
    Gazetteer g = new Gazetteer(List.of(new Gazetteer.Entry("Senate of Ruritania", EntityType.ORGANIZATION,
        List.of("Senate"), null, List.of("Senate"), List.of("Ruritania"))), 40);
    GazetteerRecognizer r = new GazetteerRecognizer(g);
    String text = "Ruritania's Senate met. " + "x ".repeat(60) + "The Senate met again.";
    List<EntityMention> found = r.recognize(text);
    assertEquals(List.of("Senate of Ruritania", "Senate"), found.stream().map(EntityMention::name).toList(), found.toString());
    assertEquals(List.of(EntityMention.GAZETTEER, EntityMention.UNLINKED), found.stream().map(EntityMention::origin).toList());
    assertThrows(IllegalArgumentException.class, () -> new Gazetteer.Entry("Liberty", EntityType.ORGANIZATION,
        List.of(), null, List.of("Liberty"), List.of()), "a spelling that is all ambiguous needs a context");
  }

  @Test
  void companiesAreNoPeopleAndKeepTheirSuffixes() {
    EnrichedArticle e = enricher.enrich(article("Chrysler Corp said on Monday it would buy <Boston Ltd>. "
        + "Lee Iacocca said the deal with J.P. Morgan and Co Inc was done. Commerce Secretary C. William Verity agreed."));
    Set<String> people = e.entities().stream().filter(x -> x.type() == EntityType.PERSON).map(Entity::name).collect(Collectors.toSet());
    assertTrue(people.contains("Lee Iacocca"), people.toString());
    for (Entity x : e.entities()) {
      if (x.type() == EntityType.PERSON) {
        assertFalse(x.name().matches(".*\\b(Corp|Ltd|Inc|Co)\\b.*") || x.name().matches(".*[^\\p{L}.]$"), "not a person: " + x.name());
      }
    }
  }

  @Test
  void aNameTrimmedOfStrayMarksStillStartsOnAWord() throws Exception {
    // PolNeAR's mojibake: "SÃ©golÃ ̈ne" has a combining mark after a space, which belongs to the word after it.
    Path file = Path.of("../shared/datasets/polnear/data/train/text/nyt_2016-04-23_even-signed-climate-deal-won-t-e.txt");
    String text = Files.readString(file).lines().filter(l -> l.contains("Royal") || l.contains("Delattre"))
        .collect(Collectors.joining("\n\n"));
    EnrichedArticle e = enricher.enrich(article(text));
    List<Token> words = Token.tokenize(text);
    for (EntityMention m : e.mentions()) {
      assertEquals(m.text(), text.substring(m.start(), m.end()));
      assertTrue(words.stream().anyMatch(w -> w.start() == m.start()), "starts on a word: " + m);
    }
    assertFalse(e.quotes().isEmpty(), "its quotes are read: " + e.quotes());
  }

  @Test
  void wireCopyMarksAndAgenciesMakeNoPerson() {
    // Reuters 3675, 19241, 3902 and 101: an editor's brackets, a quote glued to a name, the agency, a table row.
    String text = "\"We intend to urge Judge (Harold) Greene to act quickly,\" Staley said. The plan was to ward off an "
        + "attempt by British publisher Robert Maxwell.\"It's completely inconsistent,\" he said. He said in an "
        + "interview with Reuter that debt would fall.\n\nM-3 (Jan vs Dec)..........3,513.6 Vs...3,488.1";
    EnrichedArticle e = enricher.enrich(article(text));
    Set<String> people = e.entities().stream().filter(x -> x.type() == EntityType.PERSON).map(Entity::name).collect(Collectors.toSet());
    assertTrue(people.containsAll(Set.of("Harold Greene", "Robert Maxwell")), people.toString());
    assertTrue(people.stream().noneMatch(n -> n.matches(".*[\\d()\"].*|(?i)reuters?|.*\\.$")), people.toString());
    assertTrue(e.entities().stream().anyMatch(x -> x.name().equals("Reuters") && x.type() == EntityType.ORGANIZATION));
  }

  @Test
  void onePersonIsOneEntityUnderEveryTitleAndSpelling() {
    String text = "Cruz attacks Trump\n\nTexas Sen. Ted Cruz said on Monday that he would not endorse Donald Trump. "
        + "Mr. Cruz spoke in Houston, where Trump had held a rally. Judge Harold Greene and Martin Luther King Jr. were cited.";
    EnrichedArticle e = enricher.enrich(article(text));
    Set<String> people = e.entities().stream().filter(x -> x.type() == EntityType.PERSON).map(Entity::name).collect(Collectors.toSet());
    assertEquals(Set.of("Ted Cruz", "Donald Trump", "Harold Greene", "Martin Luther King Jr."), people, e.mentions().toString());
    Entity cruz = e.entities().stream().filter(x -> x.name().equals("Ted Cruz")).findFirst().orElseThrow();
    assertEquals(3, cruz.mentions().size(), "the headline's Cruz, Texas Sen. Ted Cruz and Mr. Cruz: " + cruz.mentions());
    // Two people with one surname: a bare surname joins neither unless one was named before it.
    Set<String> bakers = enricher.enrich(article("Baker met the press. James Baker and Howard Baker spoke.")).entities().stream()
        .filter(x -> x.type() == EntityType.PERSON).map(Entity::name).collect(Collectors.toSet());
    assertEquals(Set.of("Baker", "James Baker", "Howard Baker"), bakers, "a Baker before both is neither");
  }

  private static org.steppe.ingest.Article article(String text) {
    return new org.steppe.ingest.Article("t", "t.txt", text, List.of(new org.steppe.ingest.Segment(0, text.length())),
        new org.steppe.ingest.Metadata(null, null, null, null, null));
  }
}
