package org.steppe.index;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * Analyses the rules of a synonym file the way the built-in query chain analyses text before its
 * synonym filter (acronyms marked from {@value IndexSetup#STOP_WORDS}, standard tokens, possessives
 * dropped, lower-cased, accents folded), so "Kazakhstan's Ministry", "Türkiye" and "IS" in a rule
 * match the tokens they should; it is also how OpenSearch reads the rules (with the chain before
 * the synonym filter). Named by class in {@code analysis.yaml} ({@code analyzer:} of
 * {@code synonymGraph}); the synonym filter hands it the configuration's files.
 */
public final class SynonymRuleAnalyzer extends Analyzer implements ResourceLoaderAware {
  private AcronymCharFilterFactory acronyms;

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    AcronymCharFilterFactory f = new AcronymCharFilterFactory(new HashMap<>(Map.of("words", IndexSetup.STOP_WORDS)));
    f.inform(loader);
    acronyms = f;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return acronyms == null ? reader : acronyms.create(reader);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    return new TokenStreamComponents(source, stream);
  }
}
