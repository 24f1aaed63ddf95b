package org.steppe.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.steppe.engine.EngineSupport;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.index.ArticleStore;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;

/**
 * The embedded engine's side of {@link EngineSupport}: package-private, so the API package shows no
 * internal type; {@code EngineSupport} finds it by name.
 */
final class EngineInternals implements EngineSupport.Internals {
  @Override
  public IndexSetup setup(SteppeConfig config) {
    return config.setup();
  }

  @Override
  public EngineSupport.Reading reading(IndexSetup setup) {
    return new EngineReading(setup);
  }

  @Override
  public EnrichedArticle enrich(IndexSetup setup, ArticleInput input) {
    return new CodeArticles(setup).enriched(input);
  }

  @Override
  public IndexSummary syncCorpus(ArticleStore store, Path corpus, IndexProgress progress, RemovalLimit limit)
      throws IOException {
    return new CorpusSync(store, Runtime.getRuntime().availableProcessors())
        .run(corpus, progress == null ? IndexProgress.NONE : progress, limit == null ? RemovalLimit.DEFAULT : limit);
  }

  @Override
  public ArticleView view(Function<String, String> stored) {
    return StoredHits.view(stored);
  }

  @Override
  public String escape(String text) {
    return Snippets.escape(text);
  }

  @Override
  public Map<Integer, Integer> repeats(List<Function<String, String>> hits) {
    Document[] docs = new Document[hits.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = new Document();
      for (String f : List.of(Fields.TITLE, Fields.BODY)) {
        String v = hits.get(i).apply(f);
        if (v != null) {
          docs[i].add(new StoredField(f, v));
        }
      }
    }
    return Repeats.of(docs);
  }

  @Override
  public float closeness(String written, String typed) {
    return SpellingCorrector.closeness(written, typed);
  }

  @Override
  public String withoutPossessive(String written) {
    return SpellingCorrector.withoutPossessive(written);
  }
}
