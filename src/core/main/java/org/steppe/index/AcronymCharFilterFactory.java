package org.steppe.index;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * Marks acronyms that spell stop words ({@link AcronymPattern}): a character filter named
 * {@value #NAME} in {@code analysis.yaml}, with {@code words:} the stop-word file (one word per
 * line, {@code #} comments). It is Lucene's {@link PatternReplaceCharFilter} with a pattern made
 * from the words, so an OpenSearch {@code pattern_replace} character filter with the same pattern
 * does exactly the same; {@link AcronymCharFilter} skips it on text where the pattern cannot match.
 */
public final class AcronymCharFilterFactory extends CharFilterFactory implements ResourceLoaderAware {
  /** The name {@code analysis.yaml} uses. */
  public static final String NAME = "markAcronyms";

  private final String words;
  private AcronymCharFilter.Words acronyms;

  public AcronymCharFilterFactory(Map<String, String> args) {
    super(args);
    words = require(args, "words");
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("unknown parameters: " + args);
    }
  }

  /** For Lucene's service loader only. */
  public AcronymCharFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    List<String> stopWords = getWordSet(loader, words, false).stream().map(w -> new String((char[]) w)).toList();
    acronyms = new AcronymCharFilter.Words(stopWords);
  }

  /** The pattern made from the words, once {@link #inform} has read them: what OpenSearch is given. */
  public Pattern pattern() {
    return acronyms.pattern;
  }

  @Override
  public Reader create(Reader input) {
    return new AcronymCharFilter(acronyms, input);
  }
}
