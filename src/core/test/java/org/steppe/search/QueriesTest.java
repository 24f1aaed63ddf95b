package org.steppe.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Query syntax and spelling variants, on the five seed articles. */
class QueriesTest extends SeedIndexedTest {

  static Set<String> ids(String query) throws IOException {
    return steppe.searchArticles(SearchRequest.of(query).withPage(0, 100)).hits().stream()
        .map(ArticleHit::id).collect(Collectors.toSet());
  }

  @Test
  void aPhraseMatchesOnlyTheWordsInThatOrder() throws IOException {
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR), ids("\"coordinated foreign policy\""));
    assertEquals(Set.of(), ids("\"policy foreign coordinated\""));
  }

  @Test
  void fieldedQueriesSearchOneField() throws IOException {
    assertEquals(Set.of(SeedIndex.CABAR), ids("title:treaty"));
    assertEquals(Set.of(SeedIndex.TENGRINEWS), ids("source:tengrinews"));
    assertEquals(Set.of(SeedIndex.EDM), ids("source:\"Eurasia Daily Monitor\""));
    assertEquals(Set.of(SeedIndex.EDM, SeedIndex.BALTIC), ids("entity:\"Erlan Idrissov\""));
    assertEquals(Set.of(SeedIndex.CABAR, SeedIndex.EADAILY, SeedIndex.EDM), ids("entity:nazarbaev"));
  }

  @Test
  void booleanOperatorsCombineTerms() throws IOException {
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR), ids("Kremlin AND Crimea"));
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR), ids("Musinov OR Ageleuov"));
    assertEquals(Set.of(SeedIndex.EADAILY), ids("Crimea NOT Kremlin"));
    assertEquals(Set.of(SeedIndex.EADAILY), ids("+Crimea -Kremlin"));
  }

  @Test
  void aFuzzyTermForgivesATypo() throws IOException {
    assertEquals(Set.of(SeedIndex.TENGRINEWS), ids("Adyrbekof~"));
    assertEquals(Set.of(), ids("Adyrbekof"));
  }

  @Test
  void findsNazarbayevUnderEverySpelling() throws IOException {
    Set<String> expected = Set.of(SeedIndex.CABAR, SeedIndex.EADAILY, SeedIndex.EDM);
    assertEquals(expected, ids("Nazarbayev"));
    assertEquals(expected, ids("Nazarbaev"), "CABAR spells it Nazarbaev, the others Nazarbayev");
    assertEquals(expected, ids("\"Nursultan Nazarbaev\""));
  }

  @Test
  void findsTheEurasianEconomicUnionByNameOrAbbreviation() throws IOException {
    Set<String> expected = Set.of(SeedIndex.CABAR, SeedIndex.BALTIC, SeedIndex.EADAILY, SeedIndex.EDM);
    assertEquals(expected, ids("EEU"), "CABAR and the Baltic piece never write EEU");
    assertEquals(expected, ids("\"Eurasian Economic Union\""), "EADaily mostly writes EEU");
  }

  @Test
  void findsKazakhstanWithOrWithoutTheH() throws IOException {
    Set<String> all = Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR, SeedIndex.BALTIC, SeedIndex.EADAILY, SeedIndex.EDM);
    assertEquals(all, ids("Kazakstan"));
    assertEquals(all, ids("Kazakhstan"));
    assertEquals(Set.of(SeedIndex.CABAR), ids("title:Kazak"), "CABAR's title says Kazak-Russian");
  }

  @Test
  void findsIdrissovUnderEverySpelling() throws IOException {
    Set<String> expected = Set.of(SeedIndex.EDM, SeedIndex.BALTIC);
    assertEquals(expected, ids("Idrossov"), "EDM misspells him once as Idrossov");
    assertEquals(expected, ids("\"Yerlan Idrisov\""), "as the Baltic piece spells him");
    assertEquals(expected, ids("Idrissov"));
  }

  static void strict(String query) throws IOException {
    steppe.searchArticles(SearchRequest.of(query).withStrict(true));
  }

  @Test
  void readStrictlyAMalformedQuerySaysWhereItBroke() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> strict("treaty AND (Kremlin"));
    assertTrue(e.position() > 0, e.getMessage());
    e = assertThrows(QuerySyntaxException.class, () -> strict("\"coordinated foreign"));
    assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    e = assertThrows(QuerySyntaxException.class, () -> strict("treaty ) Kremlin"));
    assertEquals(8, e.position(), e.getMessage());
  }

  @Test
  void readStrictlyAnUnknownFieldIsRefusedWithTheFieldsThatExist() {
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> strict("fingerprint:abc"));
    assertTrue(e.getMessage().contains("unknown field 'fingerprint:'"), e.getMessage());
  }

  @Test
  void readLenientlyTheSameQueriesSearchTheirWordsAndSaySo() throws IOException {
    SearchResult<ArticleHit> r = steppe.searchArticles(SearchRequest.of("treaty AND (Kremlin"));
    assertEquals(ids("treaty AND Kremlin"), ids("treaty AND (Kremlin"), "the parenthesis closed at the end");
    assertTrue(r.notice().contains("not closed"), r.notice());
    r = steppe.searchArticles(SearchRequest.of("\"coordinated foreign"));
    assertTrue(r.notice().contains("quote at position 1"), r.notice());
    assertTrue(ids("\"coordinated foreign policy").containsAll(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR)),
        "the words of the phrase, as words");
    assertTrue(steppe.searchArticles(SearchRequest.of("fingerprint:abc")).hits().isEmpty(), "searched as the words fingerprint abc");
    assertEquals(null, steppe.searchArticles(SearchRequest.of("treaty Kremlin")).notice(), "read as written: no notice");
  }

  @Test
  void everyWordCountsUnlessTheQuerySaysOr() throws IOException {
    assertEquals(Set.of(SeedIndex.TENGRINEWS, SeedIndex.CABAR), ids("Kremlin Crimea"), "both words, like Kremlin AND Crimea");
    assertEquals(ids("Kremlin OR Crimea"), union(ids("Kremlin"), ids("Crimea")));
    assertTrue(ids("Kremlin OR Crimea").size() > ids("Kremlin Crimea").size());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new java.util.HashSet<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void snippetsMarkTheMatches() throws IOException {
    ArticleHit hit = steppe.searchArticles(SearchRequest.of("Adyrbekov")).hits().get(0);
    assertTrue(hit.snippet().contains("<mark>Adyrbekov</mark>"), hit.snippet());
  }
}
