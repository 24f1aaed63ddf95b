package org.steppe.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import opennlp.tools.namefind.TokenNameFinderModel;

/** Finds and loads name finder models: the one built into the jar, or a file. */
public final class NerModels {
  /** Where the shipped model lives on the classpath. */
  public static final String BUILT_IN = "/org/steppe/enrich/ner/en-ner-conll.bin";

  static {
    // A model's descriptor names Steppe's own generators; OpenNLP must be allowed to load them.
    NerFeatures.allowSteppeGenerators();
  }

  private NerModels() {}

  /** The model shipped in the jar, or empty when this build has none. */
  public static Optional<TokenNameFinderModel> builtIn() {
    try (InputStream in = NerModels.class.getResourceAsStream(BUILT_IN)) {
      return in == null ? Optional.empty() : Optional.of(new TokenNameFinderModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in model " + BUILT_IN, e);
    }
  }

  /** The model in {@code file}. */
  public static TokenNameFinderModel load(Path file) throws IOException {
    return new TokenNameFinderModel(file);
  }
}
