package org.steppe.index;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * Builds {@link AcronymMarkFilter}s; named {@value #NAME} in {@code analysis.yaml}, with
 * {@code words:} the stop-word file whose words in capitals are acronyms (one word per line,
 * {@code #} comments).
 */
public final class AcronymMarkFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {
  /** The name {@code analysis.yaml} uses. */
  public static final String NAME = "markAcronyms";

  private final String words;
  private CharArraySet stopWords;

  public AcronymMarkFilterFactory(Map<String, String> args) {
    super(args);
    words = require(args, "words");
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For Lucene's service loader only. */
  public AcronymMarkFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    stopWords = getWordSet(loader, words, true);
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new AcronymMarkFilter(input, stopWords);
  }

}
