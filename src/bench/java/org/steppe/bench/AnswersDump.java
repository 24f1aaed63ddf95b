package org.steppe.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.steppe.search.EntityType;
import org.steppe.search.ArticleHit;
import org.steppe.search.EntityFacetValue;
import org.steppe.search.FacetValue;
import org.steppe.search.IndexProgress;
import org.steppe.search.SearchRequest;
import org.steppe.search.SearchResult;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.WritableSteppe;

/**
 * Every answer a search gives on a corpus, written one per line, so two builds (a schema change
 * before and after) can be compared with {@code diff}: articles and quotes for words, phrases,
 * field queries, wildcards and fuzzy words, with facets and snippets; the same filtered by the
 * corpus's most frequent sources, speakers, entities and entity types, and by "about"; whole
 * articles; suggestions; similar stories. Indexes {@code corpus} into {@code index} first.
 *
 * <p>{@code java ... AnswersDump CORPUS INDEX OUT}
 */
public final class AnswersDump {
  private static final List<String> QUERIES = List.of("oil", "wheat", "japan", "prices", "bank", "said", "minister",
      "trade deficit", "\"interest rates\"", "\"the minister said\"", "+oil +prices", "oil -opec", "bank*", "minstr~",
      "title:oil", "body:wheat", "entity:volcker", "entity:japan", "speaker:baker", "speaker:volcker", "role:minister",
      "role:spokesman", "context:president", "context:\"told reporters\"", "quote:prices", "quote:\"we expect\"",
      "source:reuters", "author:reuter", "U.S. economy", "exports fell", "OPEC output", "coffee brazil", "gold",
      "dollar yen", "\"stock market\"", "growth~", "tin", "sugar", "strike", "merger acquisition", "");

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    Path index = Path.of(args[1]);
    SteppeConfig config = Bench.steppeConfig();
    Bench.deleteTree(index);
    try (WritableSteppe steppe = Steppe.openWritable(index, config);
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
      steppe.indexCorpus(corpus, IndexProgress.NONE);
      SearchResult<ArticleHit> all = steppe.searchArticles(SearchRequest.of("").withPage(0, 100));
      out.println("all " + all);
      List<SearchRequest> requests = new ArrayList<>();
      for (String q : QUERIES) {
        requests.add(SearchRequest.of(q));
        requests.add(SearchRequest.of(q).withPage(10, 20));
      }
      Set<String> ids = new LinkedHashSet<>();
      all.hits().forEach(h -> ids.add(h.id()));
      for (FacetValue v : top(all.facets().source())) {
        requests.add(SearchRequest.of("").withSources(List.of(v.value())));
        requests.add(SearchRequest.of("oil").withSources(List.of(v.value())));
      }
      for (FacetValue v : top(all.facets().speaker())) {
        requests.add(SearchRequest.of("").withSpeakers(List.of(v.value())));
        requests.add(SearchRequest.of("prices").withSpeakers(List.of(v.value())));
      }
      for (EntityFacetValue v : all.facets().entity().subList(0, Math.min(20, all.facets().entity().size()))) {
        requests.add(SearchRequest.of("").withEntities(List.of(v.value())));
        requests.add(SearchRequest.of("said").withEntities(List.of(v.value())));
        requests.add(SearchRequest.of("").about(v.value()));
      }
      for (EntityType t : EntityType.values()) {
        requests.add(SearchRequest.of("").withEntityTypes(List.of(t)));
        for (FacetValue v : top(all.facets().entities(t))) {
          requests.add(SearchRequest.of("").withEntities(List.of(v.value())));
          requests.add(SearchRequest.of("").about(v.value()));
        }
      }
      for (SearchRequest r : requests) {
        SearchResult<ArticleHit> a = steppe.searchArticles(r);
        a.hits().forEach(h -> ids.add(h.id()));
        out.println("articles " + r + " -> " + a);
        out.println("quotes " + r + " -> " + steppe.searchQuotes(r));
      }
      for (String id : ids) {
        out.println("article " + id + " -> " + steppe.article(id));
      }
      for (String id : List.copyOf(ids).subList(0, Math.min(30, ids.size()))) {
        out.println("similar " + id + " -> " + steppe.similar(id, 10));
      }
      for (String p : List.of("ba", "oil", "vol", "japan", "mini", "u.s", "opec")) {
        out.println("suggest " + p + " -> " + steppe.suggest(p, 10));
      }
      out.println("counts " + steppe.articleCount() + " " + steppe.quoteCount());
    }
  }

  private static <T> List<T> top(List<T> values) {
    return values.subList(0, Math.min(10, values.size()));
  }
}
