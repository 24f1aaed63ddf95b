package org.steppe.enrich.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Finds the entity model built into the jar. */
public final class NerModels {
  /** Where the shipped model lives on the classpath. */
  public static final String BUILT_IN = "/org/steppe/enrich/ner/en-ner-conll.model";

  private NerModels() {}

  /** The model shipped in the jar, or empty when this build has none. */
  public static Optional<NerModel> builtIn() {
    try (InputStream in = NerModels.class.getResourceAsStream(BUILT_IN)) {
      return in == null ? Optional.empty() : Optional.of(NerModel.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in model " + BUILT_IN, e);
    }
  }
}
