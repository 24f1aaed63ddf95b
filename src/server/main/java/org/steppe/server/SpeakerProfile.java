package org.steppe.server;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.steppe.search.FacetValue;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.SortOrder;
import org.steppe.search.SteppeSearch;

/**
 * A speaker's page, {@code GET /api/speakers/{name}}: who they are under every spelling, what roles
 * the archive gives them and when, how much and where they are quoted, and what they talk about.
 * Made from the read interface alone (quote searches), so any engine serves it. Stateless.
 */
final class SpeakerProfile {
  /** How many of a speaker's quotes, newest first, are read for spellings, roles and topics. */
  static final int SAMPLE = 1000;
  /** How many topics the page lists. */
  static final int TOPICS = 10;
  private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you", "him", "her", "them");

  private SpeakerProfile() {}

  /** A role and when the archive gave it. */
  record Role(String role, long quotes, String first, String last) {}

  /** The page. */
  record Page(String name, long quotes, List<FacetValue> spellings, List<Role> roles, List<FacetValue> sources,
      String firstDate, String lastDate, List<FacetValue> about, int sampled) {}

  /** The speaker {@code typed} names (any spelling), or {@code null} when the archive quotes no such person. */
  static Page of(SteppeSearch steppe, String typed) throws IOException {
    String name = canonical(steppe, typed);
    if (name == null) {
      return null;
    }
    SearchRequest theirs = SearchRequest.of("").withSpeakers(List.of(name));
    Map<String, Long> spellings = new LinkedHashMap<>();
    Map<String, long[]> roleCounts = new LinkedHashMap<>();
    Map<String, LocalDate[]> roleDates = new HashMap<>();
    Map<String, Long> topics = new HashMap<>();
    SearchResult<QuoteHit> page = steppe.searchQuotes(theirs.withSort(SortOrder.NEWEST).withPage(0, SearchRequest.MAX_SIZE));
    long total = page.total();
    List<FacetValue> sources = page.facets().source();
    LocalDate last = page.hits().isEmpty() ? null : page.hits().get(0).article().date();
    int sampled = 0;
    while (true) {
      for (QuoteHit q : page.hits()) {
        sampled++;
        String mention = q.speakerMention();
        if (mention != null && !mention.isBlank() && Character.isUpperCase(mention.codePointAt(0))
            && !PRONOUNS.contains(mention.strip().toLowerCase(Locale.ROOT))) {
          spellings.merge(mention.strip(), 1L, Long::sum);
        }
        if (q.role() != null && !q.role().isBlank()) {
          roleCounts.computeIfAbsent(q.role(), r -> new long[1])[0]++;
          LocalDate d = q.article().date();
          if (d != null) {
            LocalDate[] span = roleDates.computeIfAbsent(q.role(), r -> new LocalDate[] {d, d});
            span[0] = d.isBefore(span[0]) ? d : span[0];
            span[1] = d.isAfter(span[1]) ? d : span[1];
          }
        }
        for (String entity : q.about()) {
          if (!entity.equals(name)) {
            topics.merge(entity, 1L, Long::sum);
          }
        }
      }
      if (page.nextCursor() == null || page.hits().isEmpty() || sampled >= SAMPLE) {
        break;
      }
      page = steppe.searchQuotes(theirs.withSort(SortOrder.NEWEST).withPage(0, SearchRequest.MAX_SIZE).withCursor(page.nextCursor()));
    }
    List<QuoteHit> oldest = steppe.searchQuotes(theirs.withSort(SortOrder.OLDEST).withPage(0, 1)).hits();
    LocalDate first = oldest.isEmpty() ? null : oldest.get(0).article().date();
    List<Role> roles = new ArrayList<>();
    roleCounts.forEach((role, n) -> {
      LocalDate[] span = roleDates.get(role);
      roles.add(new Role(role, n[0], span == null ? null : span[0].toString(), span == null ? null : span[1].toString()));
    });
    roles.sort(Comparator.comparingLong(Role::quotes).reversed());
    return new Page(name, total, ranked(spellings, Integer.MAX_VALUE), roles, sources, ApiJson.iso(first),
        ApiJson.iso(last), ranked(topics, TOPICS), sampled);
  }

  /**
   * The speaker name the index holds for {@code typed}: the name itself when the speaker filter
   * (which knows the gazetteer's spellings) finds quotes, else the most quoted speaker whose name
   * reads the same or ends with the words typed (a surname), ignoring case and accents.
   */
  static String canonical(SteppeSearch steppe, String typed) throws IOException {
    SearchResult<QuoteHit> direct = steppe.searchQuotes(SearchRequest.of("").withSpeakers(List.of(typed)).withPage(0, 1));
    if (!direct.hits().isEmpty() && direct.hits().get(0).speaker() != null) {
      return direct.hits().get(0).speaker();
    }
    String key = key(typed);
    if (key.isEmpty()) {
      return null;
    }
    String phrase = "speaker:\"" + typed.replaceAll("[\\\\\"]", " ").strip() + "\"";
    SearchResult<QuoteHit> near = steppe.searchQuotes(SearchRequest.of(phrase).withPage(0, 0));
    return near.facets().speaker().stream()
        .filter(v -> key(v.value()).equals(key) || key(v.value()).endsWith(" " + key))
        .max(Comparator.comparingLong(FacetValue::count)).map(FacetValue::value).orElse(null);
  }

  private static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static List<FacetValue> ranked(Map<String, Long> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit).map(e -> new FacetValue(e.getKey(), e.getValue())).toList();
  }
}
