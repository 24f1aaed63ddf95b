package org.steppe.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.steppe.bench.opennlp.OpenNlpRecognizer;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.ner.ConllReader;
import org.steppe.enrich.ner.ConllSentence;
import org.steppe.enrich.ner.ModelEntityRecognizer;
import org.steppe.enrich.ner.NerEvaluation;
import org.steppe.enrich.ner.NerModel;
import org.steppe.enrich.ner.NerModels;
import org.steppe.enrich.ner.NerTagger;
import org.steppe.enrich.ner.NerTokenizer;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;

/**
 * The entity recognisers side by side in one JVM (issue 16): the shipped tagger and the OpenNLP
 * name finder it replaced ({@code bench/ner/en-ner-opennlp.bin}), each running
 * {@code recognize(text)} over Reuters-21578's clean article text on one thread (tokenising
 * included), in alternating rounds after warm-up rounds, timed in thread CPU time; the tokeniser
 * alone is timed too. Then both tag CoNLL-2003 {@code eng.testa} (pre-tokenised, tagging only)
 * and are scored there. Settings: {@code -Dner.rounds=3} measured rounds, {@code -Dner.warmup=2},
 * {@code -Dner.articles} (default all), {@code -Dner.old.model}, {@code -Dner.conll}.
 */
public final class NerBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    int rounds = Bench.intProp("ner.rounds", 3);
    int warmup = Bench.intProp("ner.warmup", 2);
    int limit = Bench.intProp("ner.articles", Integer.MAX_VALUE);
    Path oldModel = Path.of(Bench.prop("ner.old.model", "bench/ner/en-ner-opennlp.bin"));
    Path conll = Path.of(Bench.prop("ner.conll", "../shared/datasets/conll2003/eng.testa"));

    List<String> texts = new ArrayList<>();
    // Reuters-21578 as the benchmark's other steps read it (the scale set's first replica is the original).
    Path reuters = ScaleCorpus.ensure(21578);
    Corpus corpus = Corpus.open(reuters, ConfigDir.defaultLocation(), IngestListener.SILENT);
    for (Path file : corpus.files()) {
      for (Article a : corpus.read(file)) {
        if (texts.size() < limit) {
          texts.add(a.cleanText());
        }
      }
    }
    long tokens = 0;
    for (String t : texts) {
      for (var s : NerTokenizer.sentences(t)) {
        tokens += s.size();
      }
    }
    Bench.log("ner: %d articles, %d tokens", texts.size(), tokens);

    NerModel model = NerModels.builtIn().orElseThrow();
    ModelEntityRecognizer shipped = new ModelEntityRecognizer(model);
    OpenNlpRecognizer old = new OpenNlpRecognizer(oldModel);
    Map<String, ToIntFunction<String>> systems = new LinkedHashMap<>();
    systems.put("tokenizer", t -> NerTokenizer.sentences(t).size());
    systems.put("steppe", t -> shipped.recognize(t).size());
    systems.put("opennlp", old::recognize);

    Map<String, List<Double>> perRound = new LinkedHashMap<>();
    Map<String, Long> names = new LinkedHashMap<>();
    for (int r = -warmup; r < rounds; r++) {
      for (Map.Entry<String, ToIntFunction<String>> e : systems.entrySet()) {
        long found = 0;
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (String t : texts) {
          found += e.getValue().applyAsInt(t);
        }
        double seconds = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
        Bench.log("ner round %d %s: %.2f s CPU, %.0f tokens/s", r, e.getKey(), seconds, tokens / seconds);
        if (r >= 0) {
          perRound.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Bench.round(tokens / seconds, 0));
          names.put(e.getKey(), found);
        }
      }
    }

    List<ConllSentence> dev = ConllReader.read(conll);
    Map<String, Object> conllResult = new LinkedHashMap<>();
    for (int r = 0; r < warmup + 1; r++) {
      NerEvaluation steppeEval = NerTagger.evaluate(model, dev);
      NerEvaluation oldEval = evaluateOld(old, dev);
      conllResult.put("steppe", score(steppeEval));
      conllResult.put("opennlp", score(oldEval));
    }

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("machine", Bench.machine());
    result.put("articles", texts.size());
    result.put("tokens", tokens);
    result.put("rounds", rounds);
    result.put("tokens_per_s_cpu", perRound);
    result.put("names_found", names);
    double steppeBest = perRound.get("steppe").stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double oldBest = perRound.get("opennlp").stream().mapToDouble(Double::doubleValue).max().orElse(0);
    result.put("speedup_best_round", Bench.round(steppeBest / oldBest, 2));
    result.put("conll", conllResult);
    result.put("model_bytes", resourceSize(NerModels.BUILT_IN));
    Bench.write(Bench.prop("ner.result", "ner.json"), result);
  }

  private static NerEvaluation evaluateOld(OpenNlpRecognizer old, List<ConllSentence> sentences) {
    NerEvaluation eval = new NerEvaluation();
    List<List<ConllSentence>> docs = new ArrayList<>();
    for (ConllSentence s : sentences) {
      if (s.documentStart() || docs.isEmpty()) {
        docs.add(new ArrayList<>());
      }
      docs.get(docs.size() - 1).add(s);
    }
    for (List<ConllSentence> doc : docs) {
      List<String[]> words = doc.stream().map(ConllSentence::tokens).toList();
      long t0 = THREADS.getCurrentThreadCpuTime();
      List<opennlp.tools.util.Span[]> found = old.tagDocument(words);
      eval.addTaggingTime(THREADS.getCurrentThreadCpuTime() - t0);
      for (int i = 0; i < doc.size(); i++) {
        org.steppe.enrich.ner.NameSpan[] predicted = java.util.Arrays.stream(found.get(i))
            .map(s -> new org.steppe.enrich.ner.NameSpan(s.getStart(), s.getEnd(), s.getType())).toArray(org.steppe.enrich.ner.NameSpan[]::new);
        eval.add(doc.get(i).tokens().length, doc.get(i).names(), predicted);
      }
    }
    return eval;
  }

  private static Map<String, Object> score(NerEvaluation eval) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tokens_per_s_cpu", Bench.round(eval.tokensPerSecond(), 0));
    m.put("f1", Bench.round(eval.overall().f1(), 2));
    for (String type : eval.types()) {
      NerEvaluation.Counts c = eval.type(type);
      m.put(type, Map.of("p", Bench.round(c.precision(), 2), "r", Bench.round(c.recall(), 2), "f1", Bench.round(c.f1(), 2)));
    }
    return m;
  }

  private static long resourceSize(String resource) throws Exception {
    try (var in = NerBench.class.getResourceAsStream(resource)) {
      return in == null ? -1 : in.readAllBytes().length;
    }
  }
}
