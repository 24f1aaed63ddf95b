package org.steppe.bench;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityRecognizer;
import org.steppe.enrich.EntityResolver;
import org.steppe.enrich.Quote;
import org.steppe.enrich.QuoteExtractor;
import org.steppe.index.ArticleIndex;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * Where indexing time goes: Steppe's own stages run one after another on one thread over the
 * same articles, each timed: ingest (read, decode, SGML, boilerplate and metadata), entity
 * tagging (every recogniser and the resolver), quote extraction, building the Lucene documents
 * (fingerprint, stored enrichment JSON, facet fields) and Lucene indexing (analysis and inversion
 * in {@code updateDocuments}, then the commit). The stages are the production objects: the
 * recognisers, resolver and quote extractor are taken out of {@code Enricher.load(config)} by
 * reflection, so nothing in production code changes. {@code -Dstages.scale=N} stories (default
 * the 21,578 of Reuters-21578), {@code -Dstages.passes=2} (the last pass is reported, the
 * earlier ones warm the JIT).
 */
public final class StageBench {
  public static void main(String[] args) throws Exception {
    int scale = Bench.intProp("stages.scale", 21578);
    int passes = Bench.intProp("stages.passes", 2);
    ConfigDir config = ConfigDir.defaultLocation();
    Path corpusDir = ScaleCorpus.ensure(scale);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("scale", scale);
    List<Map<String, Object>> all = new ArrayList<>();
    for (int p = 0; p < passes; p++) {
      Map<String, Object> m = pass(corpusDir, config, Bench.out().resolve("idx").resolve("stages"));
      m.put("pass", p);
      all.add(m);
      Bench.log("stages pass %d: %s", p, m);
    }
    result.put("passes", all);
    result.put("reported", all.get(all.size() - 1));
    Bench.write(Bench.prop("stages.result", "stages-" + scale + ".json"), result);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> pass(Path corpusDir, ConfigDir config, Path indexDir) throws Exception {
    Bench.deleteTree(indexDir);
    Corpus corpus = Corpus.open(corpusDir, config, IngestListener.SILENT);
    long ingest = 0, entities = 0, quotes = 0, build = 0, lucene = 0, commit = 0;
    long articles = 0, mentions = 0, quoteCount = 0, chars = 0, resolving = 0;
    long[] perRecognizer;
    List<String> recognizerNames;
    String extractorClass;
    try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir);
         ArticleIndex index = ArticleIndex.open(dir, org.steppe.index.IndexSetup.load(config, true, true,
             org.steppe.search.SteppeConfig.DEFAULT_RAM_BUFFER_MB))) {
      Enricher enricher = index.setup().enricher();
      List<EntityRecognizer> recognizers = (List<EntityRecognizer>) field(enricher, "recognizers");
      EntityResolver resolver = (EntityResolver) field(enricher, "resolver");
      QuoteExtractor extractor = (QuoteExtractor) field(enricher, "quotes");
      // A lambda here means no real extractor is wired into Enricher.load on this branch.
      extractorClass = extractor.getClass().getName();
      DocumentBuilder builder = new DocumentBuilder(DocumentBuilder.facetsConfig());
      perRecognizer = new long[recognizers.size()];
      recognizerNames = recognizers.stream().map(r -> r.getClass().getSimpleName()).toList();
      IndexWriter writer = index.writer();
      for (Path file : corpus.files()) {
        long t0 = System.nanoTime();
        List<Article> read = corpus.read(file);
        long t1 = System.nanoTime();
        ingest += t1 - t0;
        for (Article a : read) {
          long a0 = System.nanoTime();
          // Enricher.enrich, stage by stage.
          String text = a.paragraphs().text(); // what Enricher.enrich reads (mapping back to the file is not timed)
          List<EntityMention> candidates = new ArrayList<>();
          for (int r = 0; r < recognizers.size(); r++) {
            long r0 = System.nanoTime();
            candidates.addAll(recognizers.get(r).recognize(text));
            perRecognizer[r] += System.nanoTime() - r0;
          }
          long r1 = System.nanoTime();
          List<EntityMention> resolved = resolver.resolve(text, candidates);
          var grouped = EntityResolver.group(resolved);
          long a1 = System.nanoTime();
          resolving += a1 - r1;
          List<Quote> qs = extractor.extract(text, resolved);
          long a2 = System.nanoTime();
          EnrichedArticle e = new EnrichedArticle(a, resolved, grouped, qs);
          List<Document> docs = builder.build(e, index.fingerprint(a), Fields.ORIGIN_CORPUS);
          long a3 = System.nanoTime();
          writer.updateDocuments(new Term(Fields.ARTICLE_ID, a.id()), docs);
          long a4 = System.nanoTime();
          entities += a1 - a0;
          quotes += a2 - a1;
          build += a3 - a2;
          lucene += a4 - a3;
          articles++;
          mentions += resolved.size();
          quoteCount += qs.size();
          chars += a.text().length();
        }
      }
      long c0 = System.nanoTime();
      index.commit(Map.of());
      commit = System.nanoTime() - c0;
    }
    long total = ingest + entities + quotes + build + lucene + commit;
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articles", articles);
    m.put("entity_mentions", mentions);
    m.put("quotes", quoteCount);
    m.put("text_mb", Bench.round(chars / 1048576.0, 1));
    m.put("total_s", Bench.round(total / 1e9, 2));
    m.put("single_thread_articles_per_s", Bench.round(articles / (total / 1e9), 1));
    Map<String, Object> stages = new LinkedHashMap<>();
    stage(stages, "ingest (read, decode, SGML, boilerplate, metadata)", ingest, total, articles);
    stage(stages, "entity tagging (recognisers + resolver)", entities, total, articles);
    for (int r = 0; r < perRecognizer.length; r++) {
      stage(stages, "  of which " + recognizerNames.get(r), perRecognizer[r], total, articles);
    }
    stage(stages, "  of which resolver (one mention per span, surnames)", resolving, total, articles);
    stage(stages, "quote extraction", quotes, total, articles);
    stage(stages, "documents (fingerprint, enrichment JSON, facet fields)", build, total, articles);
    stage(stages, "lucene indexing (updateDocuments)", lucene, total, articles);
    stage(stages, "lucene commit (flush, merge)", commit, total, articles);
    m.put("stages", stages);
    m.put("quote_extractor", extractorClass);
    return m;
  }

  private static void stage(Map<String, Object> out, String name, long nanos, long total, long articles) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("seconds", Bench.round(nanos / 1e9, 3));
    s.put("share_pct", Bench.round(100.0 * nanos / total, 1));
    s.put("us_per_article", Bench.round(nanos / 1e3 / Math.max(1, articles), 1));
    out.put(name, s);
  }

  static Object field(Object o, String name) throws ReflectiveOperationException {
    Field f = o.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f.get(o);
  }
}
