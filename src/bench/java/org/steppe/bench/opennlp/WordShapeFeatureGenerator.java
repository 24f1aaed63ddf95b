package org.steppe.bench.opennlp;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * Emits a token's word shape ("Xx", "X.X.", "d,d", "Xx-Xx"): capitals, lower case and digits
 * folded to classes, so unseen names share weights with seen ones of the same form. Stateless.
 */
public final class WordShapeFeatureGenerator implements AdaptiveFeatureGenerator {

  @Override
  public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
    String token = tokens[index];
    features.add("sh=" + shape(token, true));
    // Short words keep their exact length: "XX" (a country code) and "XXXX" (an acronym) differ.
    if (token.length() <= 5) {
      features.add("shx=" + shape(token, false));
    }
  }

  /** The shape of {@code token}; {@code collapse} folds runs of one class to a single symbol. */
  static String shape(String token, boolean collapse) {
    StringBuilder sb = new StringBuilder(token.length());
    char last = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      char s = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
          : Character.isLetter(c) ? 'x' : c;
      if (!collapse || s != last) {
        sb.append(s);
      }
      last = s;
    }
    return sb.toString();
  }

  /** Lets a feature descriptor name this generator: {@code <generator class="...WordShapeFeatureGenerator$Factory"/>}. */
  public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
    @Override
    public AdaptiveFeatureGenerator create() {
      return new WordShapeFeatureGenerator();
    }
  }
}
