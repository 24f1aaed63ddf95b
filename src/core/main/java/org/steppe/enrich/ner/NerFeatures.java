package org.steppe.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.util.ext.ExtensionLoader;
import org.steppe.enrich.Gazetteer;

/**
 * The feature set a model is trained with: the descriptor {@code features.xml} plus the gazetteer's
 * words as a word-to-type dictionary; both are stored inside the trained model.
 */
public final class NerFeatures {
  /** The classpath descriptor of Steppe's features. */
  public static final String DESCRIPTOR = "/org/steppe/enrich/ner/features.xml";
  /** The resource name the descriptor's gazetteer feature reads. */
  static final String GAZETTEER_RESOURCE = "gazetteer";

  static {
    allowSteppeGenerators();
  }

  private NerFeatures() {}

  /**
   * Lets OpenNLP instantiate this package's feature generators, which a model names in its
   * descriptor: OpenNLP only loads extension classes from packages registered as allowed.
   */
  public static void allowSteppeGenerators() {
    ExtensionLoader.registerAllowedPackage(NerFeatures.class.getPackageName());
  }

  /** A name finder factory with Steppe's features and {@code gazetteer}'s words. */
  public static TokenNameFinderFactory factory(Gazetteer gazetteer) throws IOException {
    byte[] descriptor;
    try (InputStream in = NerFeatures.class.getResourceAsStream(DESCRIPTOR)) {
      if (in == null) {
        throw new IOException("feature descriptor " + DESCRIPTOR + " is not on the classpath");
      }
      descriptor = in.readAllBytes();
    }
    Map<String, Object> resources = Map.of(GAZETTEER_RESOURCE, GazetteerWords.of(gazetteer));
    return new TokenNameFinderFactory(descriptor, resources, new BioCodec());
  }
}
