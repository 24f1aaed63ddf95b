package org.steppe.bench.opennlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.ext.ExtensionLoader;
import org.steppe.enrich.Token;
import org.steppe.enrich.ner.NerTokenizer;

/**
 * The recogniser Steppe shipped before issue 16, kept only as the benchmark's baseline: OpenNLP's
 * name finder (perceptron, beam 3) over the same tokens, with the model of that time
 * ({@code bench/ner/en-ner-opennlp.bin}, its feature descriptor pointed at this package's copies of
 * the old feature generators). One finder per thread, as it ran in production.
 */
public final class OpenNlpRecognizer {
  private final ThreadLocal<NameFinderME> finders;

  public OpenNlpRecognizer(Path model) throws IOException {
    ExtensionLoader.registerAllowedPackage(OpenNlpRecognizer.class.getPackageName());
    TokenNameFinderModel m = new TokenNameFinderModel(model);
    this.finders = ThreadLocal.withInitial(() -> new NameFinderME(m));
  }

  /** Names in CoNLL sentences of one document, as token spans "start end type". */
  public List<Span[]> tagDocument(List<String[]> sentences) {
    NameFinderME finder = finders.get();
    finder.clearAdaptiveData();
    List<Span[]> out = new ArrayList<>();
    for (String[] s : sentences) {
      out.add(finder.find(s));
    }
    return out;
  }

  /** The number of names found in {@code text}, tokenised as production tokenised it. */
  public int recognize(String text) {
    NameFinderME finder = finders.get();
    finder.clearAdaptiveData();
    int names = 0;
    for (List<Token> sentence : NerTokenizer.sentences(text)) {
      String[] words = new String[sentence.size()];
      for (int i = 0; i < words.length; i++) {
        words[i] = NerTokenizer.modelForm(sentence.get(i).text());
      }
      names += finder.find(words).length;
    }
    finder.clearAdaptiveData();
    return names;
  }
}
