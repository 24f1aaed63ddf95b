package org.steppe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.index.ArticleIndex;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * What each part of Steppe's Lucene documents costs to index: Reuters-21578 is enriched once, its
 * documents built once, then indexed again and again on one thread into memory (updateDocuments
 * and the commit), each time with one part left out or changed, in alternating rounds; thread
 * CPU time. The difference to the full documents is that part's cost. {@code -Dfields.rounds=3};
 * logs how many values and characters each indexed field has.
 *
 * <pre>java -cp "target/bench/classes:$(cat target/bench/cp.txt)" org.steppe.bench.FieldCostBench</pre>
 */
public final class FieldCostBench {
  public static void main(String[] args) throws Exception {
    int rounds = Bench.intProp("fields.rounds", 3);
    ConfigDir config = ConfigDir.defaultLocation();
    Path corpusDir = ScaleCorpus.ensure(Bench.intProp("fields.scale", 21578));
    Corpus corpus = Corpus.open(corpusDir, config, IngestListener.SILENT);
    IndexSetup setup = IndexSetup.load(config, true, true, org.steppe.search.SteppeConfig.DEFAULT_RAM_BUFFER_MB);
    Enricher enricher = setup.enricher();
    DocumentBuilder builder = new DocumentBuilder(DocumentBuilder.facetsConfig());
    List<List<Document>> all = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Path file : corpus.files()) {
      for (Article a : corpus.read(file)) {
        EnrichedArticle e = enricher.enrich(a);
        all.add(builder.build(e, ArticleIndex.fingerprint(setup, a), Fields.ORIGIN_CORPUS));
        ids.add(a.id());
      }
    }
    Bench.log("built the documents of %d articles", all.size());
    Map<String, long[]> chars = new java.util.TreeMap<>();
    for (List<Document> block : all) {
      for (Document d : block) {
        for (IndexableField f : d) {
          if (f.fieldType().indexOptions() != org.apache.lucene.index.IndexOptions.NONE && f.stringValue() != null) {
            long[] c = chars.computeIfAbsent(f.name(), k -> new long[2]);
            c[0]++;
            c[1] += f.stringValue().length();
          }
        }
      }
    }
    chars.forEach((k, c) -> Bench.log("field %-16s %9d values %11d chars", k, c[0], c[1]));
    Map<String, UnaryOperator<Document>> variants = new LinkedHashMap<>();
    variants.put("full", d -> d);
    variants.put("no quote documents", d -> isQuote(d) ? null : d);
    variants.put("quote documents only", d -> isQuote(d) ? d : null);
    variants.put("no context", d -> without(d, Fields.CONTEXT));
    variants.put("no offsets (body, title, quote)", d -> plain(d, Fields.BODY, Fields.TITLE, Fields.QUOTE));
    variants.put("no offsets on quote", d -> plain(d, Fields.QUOTE));
    variants.put("no enrichment json", d -> without(d, Fields.ENRICHMENT));
    variants.put("no entity fields", d -> without(d, Fields.ENTITY, Fields.ENTITY_EXACT, Fields.ENTITY_TYPE));
    variants.put("no facets", d -> withoutPrefix(d, "$facets"));
    variants.put("no quote bands", d -> without(d, Fields.QUOTE_BANDS));
    Map<String, List<Double>> ms = new LinkedHashMap<>();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds + 1; r++) {
      for (Map.Entry<String, UnaryOperator<Document>> v : variants.entrySet()) {
        List<List<Document>> docs = new ArrayList<>();
        for (List<Document> block : all) {
          List<Document> out = new ArrayList<>();
          for (Document d : block) {
            Document x = v.getValue().apply(d);
            if (x != null) {
              out.add(x);
            }
          }
          docs.add(out);
        }
        System.gc();
        long c0 = mx.getCurrentThreadCpuTime();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
            IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(setup.analysis().indexAnalyzer())
                .setSimilarity(setup.analysis().similarity()).setRAMBufferSizeMB(128))) {
          for (int i = 0; i < docs.size(); i++) {
            w.updateDocuments(new Term(Fields.ARTICLE_ID, ids.get(i)), docs.get(i));
          }
          w.commit();
        }
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / all.size();
        if (r > 0) {
          ms.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(Bench.round(cpu, 1));
        }
        Bench.log("round %d %-35s %.1f µs CPU per article", r, v.getKey(), cpu);
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("articles", all.size());
    result.put("us_cpu_per_article", ms);
    Bench.write("field-cost.json", result);
  }

  private static boolean isQuote(Document d) {
    return d.get(Fields.ID) != null && d.get(Fields.ID).contains("#q");
  }

  private static Document without(Document d, String... names) {
    Document out = new Document();
    for (IndexableField f : d) {
      if (!List.of(names).contains(f.name())) {
        out.add(f);
      }
    }
    return out;
  }

  private static Document withoutPrefix(Document d, String prefix) {
    Document out = new Document();
    for (IndexableField f : d) {
      if (!f.name().startsWith(prefix)) {
        out.add(f);
      }
    }
    return out;
  }

  private static Document plain(Document d, String... names) {
    Document out = new Document();
    for (IndexableField f : d) {
      out.add(List.of(names).contains(f.name()) ? new Field(f.name(), f.stringValue(), TextField.TYPE_STORED) : f);
    }
    return out;
  }
}
