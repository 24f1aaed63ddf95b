package org.steppe.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ResourceLoaderAware;
import org.steppe.config.ConfigException;
import org.steppe.index.AnalyzedWords;
import org.steppe.index.ConfigResourceLoader;

/**
 * Checks that OpenSearch reads synonym rules into the same words as the embedded index does.
 *
 * <p>Lucene's synonym filter analyses its rules with the analyzer named by its {@code analyzer}
 * parameter (whitespace and lower-casing when none is named); OpenSearch analyses them with the
 * chain's character filters, its tokenizer and the filters that come before the synonym filter. When the two read a
 * rule differently, a spelling would match on one engine and not on the other, so the rule is
 * refused with both readings.
 */
final class SynonymRuleCheck {
  private final ConfigResourceLoader loader;

  SynonymRuleCheck(ConfigResourceLoader loader) {
    this.loader = loader;
  }

  /**
   * @param file how {@code analysis.yaml} is named in messages
   * @param charFilters the chain's character filters, as {@code analysis.yaml} lists them
   * @param before the filters before the synonym filter, as {@code analysis.yaml} lists them
   * @param analyzerClass the synonym filter's {@code analyzer} parameter, or {@code null}
   */
  void check(String file, String which, List<Object> charFilters, String tokenizer, List<Map<String, Object>> before,
      String analyzerClass, boolean ignoreCase, List<String> rules) {
    try (Analyzer lucene = luceneRuleAnalyzer(analyzerClass, ignoreCase);
        Analyzer openSearch = chainBefore(charFilters, tokenizer, before)) {
      for (String rule : rules) {
        for (String phrase : phrases(rule)) {
          List<String> l = AnalyzedWords.of(lucene, "", phrase);
          List<String> o = AnalyzedWords.of(openSearch, "", phrase);
          if (!l.equals(o)) {
            throw new ConfigException(file, 0, "the " + which + " chain's synonym rule '" + rule + "' reads '" + phrase
                + "' as " + l + " in the embedded index but as " + o + " in OpenSearch, which reads synonym rules with "
                + "the tokenizer and filters before the synonym filter; give the synonym filter an analyzer that matches them");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Analyzer luceneRuleAnalyzer(String analyzerClass, boolean ignoreCase) {
    if (analyzerClass != null) {
      try {
        // As Lucene's synonym filter makes it: a new instance, handed the configuration's files if it reads any.
        Analyzer a = loader.findClass(analyzerClass, Analyzer.class).getConstructor().newInstance();
        if (a instanceof ResourceLoaderAware aware) {
          aware.inform(loader);
        }
        return a;
      } catch (ReflectiveOperationException | IOException e) {
        throw new IllegalStateException("cannot create the synonym analyzer " + analyzerClass, e);
      }
    }
    // What Lucene's SynonymGraphFilterFactory uses when no analyzer is named.
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        WhitespaceTokenizer t = new WhitespaceTokenizer();
        return new TokenStreamComponents(t, ignoreCase ? new LowerCaseFilter(t) : t);
      }
    };
  }

  /** What OpenSearch reads rules with: the chain's character filters, tokenizer and the filters before the synonym filter. */
  private Analyzer chainBefore(List<Object> charFilters, String tokenizer, List<Map<String, Object>> before) throws IOException {
    CustomAnalyzer.Builder b = CustomAnalyzer.builder(loader).withTokenizer(tokenizer);
    for (Object f : charFilters) {
      Map<String, Object> spec = f instanceof Map<?, ?> m ? asStrings(m) : Map.of("name", f);
      b.addCharFilter(String.valueOf(spec.get("name")), params(spec));
    }
    for (Map<String, Object> spec : before) {
      b.addTokenFilter(String.valueOf(spec.get("name")), params(spec));
    }
    return b.build();
  }

  private static Map<String, String> params(Map<String, Object> spec) {
    Map<String, String> params = new HashMap<>();
    spec.forEach((k, v) -> {
      if (!k.equals("name")) {
        params.put(k, String.valueOf(v));
      }
    });
    return params;
  }

  private static Map<String, Object> asStrings(Map<?, ?> m) {
    Map<String, Object> out = new HashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** The phrases of a Solr-format rule: both sides of {@code =>}, split on unescaped commas. */
  static List<String> phrases(String rule) {
    List<String> out = new ArrayList<>();
    for (String side : rule.split("(?<!\\\\)=>")) {
      for (String p : side.split("(?<!\\\\),")) {
        String phrase = p.replaceAll("\\\\(.)", "$1").strip();
        if (!phrase.isEmpty()) {
          out.add(phrase);
        }
      }
    }
    return out;
  }
}
