package org.steppe.opensearch;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.steppe.opensearch.Counterpart.Kind;
import org.steppe.opensearch.Counterpart.Param;

/**
 * Which OpenSearch tokenizer or token filter (core and the analysis-common module) does what each
 * Lucene analysis factory does, by the factory names {@code analysis.yaml} uses (case-insensitive).
 *
 * <p>Only exact counterparts are listed: the same Lucene class behind both names, with the same
 * defaults. Synonyms, stemmer overrides, pattern replacement and character filters, whose parameters are rules rather
 * than settings, are translated by {@link AnalysisTranslator} itself. A factory missing here is refused by {@link AnalysisTranslator} rather than
 * approximated, because an index whose analysis differs from the embedded one gives other answers.
 */
final class Counterparts {
  private Counterparts() {}

  private static final Param MIN_GRAM = new Param("min_gram", Kind.INT);
  private static final Param MAX_GRAM = new Param("max_gram", Kind.INT);

  /** analysis.yaml names a tokenizer without parameters, so a tokenizer's counterpart is its type alone. */
  private static final Map<String, Counterpart> TOKENIZERS = lowerCaseKeys(Map.ofEntries(
      entry("standard", Counterpart.of("standard")),
      entry("classic", Counterpart.of("classic")),
      entry("uax29UrlEmail", Counterpart.of("uax_url_email")),
      entry("whitespace", Counterpart.of("whitespace")),
      entry("keyword", Counterpart.of("keyword")),
      entry("letter", Counterpart.of("letter")),
      entry("thai", Counterpart.of("thai")),
      entry("pathHierarchy", Counterpart.of("path_hierarchy"))));

  private static final Map<String, Param> WORD_DELIMITER = Map.ofEntries(
      entry("generateWordParts", new Param("generate_word_parts", Kind.FLAG)),
      entry("generateNumberParts", new Param("generate_number_parts", Kind.FLAG)),
      entry("catenateWords", new Param("catenate_words", Kind.FLAG)),
      entry("catenateNumbers", new Param("catenate_numbers", Kind.FLAG)),
      entry("catenateAll", new Param("catenate_all", Kind.FLAG)),
      entry("splitOnCaseChange", new Param("split_on_case_change", Kind.FLAG)),
      entry("splitOnNumerics", new Param("split_on_numerics", Kind.FLAG)),
      entry("preserveOriginal", new Param("preserve_original", Kind.FLAG)),
      entry("stemEnglishPossessive", new Param("stem_english_possessive", Kind.FLAG)),
      entry("ignoreKeywords", new Param("ignore_keywords", Kind.FLAG)),
      entry("protected", new Param("protected_words", Kind.WORDS)));

  private static final Map<String, Param> GRAMS = Map.of("minGramSize", MIN_GRAM, "maxGramSize", MAX_GRAM,
      "preserveOriginal", new Param("preserve_original", Kind.BOOL));

  private static final Map<String, Counterpart> FILTERS = lowerCaseKeys(Map.ofEntries(
      entry("lowercase", Counterpart.of("lowercase")),
      entry("uppercase", Counterpart.of("uppercase")),
      entry("greekLowercase", new Counterpart("lowercase", Map.of("language", "greek"), Map.of())),
      entry("irishLowercase", new Counterpart("lowercase", Map.of("language", "irish"), Map.of())),
      entry("turkishLowercase", new Counterpart("lowercase", Map.of("language", "turkish"), Map.of())),
      entry("asciiFolding", Counterpart.of("asciifolding", Map.of("preserveOriginal", new Param("preserve_original", Kind.BOOL)))),
      entry("classic", Counterpart.of("classic")),
      entry("apostrophe", Counterpart.of("apostrophe")),
      entry("trim", Counterpart.of("trim")),
      entry("reverseString", Counterpart.of("reverse")),
      entry("decimalDigit", Counterpart.of("decimal_digit")),
      entry("removeDuplicates", Counterpart.of("remove_duplicates")),
      entry("flattenGraph", Counterpart.of("flatten_graph")),
      entry("cjkWidth", Counterpart.of("cjk_width")),
      entry("length", Counterpart.of("length", Map.of("min", new Param("min", Kind.INT), "max", new Param("max", Kind.INT)))),
      entry("truncate", Counterpart.of("truncate", Map.of("prefixLength", new Param("length", Kind.INT)))),
      entry("limitTokenCount", Counterpart.of("limit", Map.of("maxTokenCount", new Param("max_token_count", Kind.INT),
          "consumeAllTokens", new Param("consume_all_tokens", Kind.BOOL)))),
      // Stop words: Lucene's default list is EnglishAnalyzer's, OpenSearch's "_english_" is the same set; written out.
      entry("stop", new Counterpart("stop", Map.of("stopwords", words(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)), Map.of(
          "words", new Param("stopwords", Kind.WORDS), "ignoreCase", new Param("ignore_case", Kind.BOOL)))),
      entry("keepWord", Counterpart.of("keep", Map.of("words", new Param("keep_words", Kind.WORDS),
          "ignoreCase", new Param("keep_words_case", Kind.BOOL)))),
      entry("elision", new Counterpart("elision", Map.of("articles", words(FrenchAnalyzer.DEFAULT_ARTICLES)), Map.of(
          "articles", new Param("articles", Kind.WORDS), "ignoreCase", new Param("articles_case", Kind.BOOL)))),
      entry("keywordMarker", Counterpart.of("keyword_marker", Map.of("protected", new Param("keywords", Kind.WORDS),
          "pattern", new Param("keywords_pattern", Kind.TEXT), "ignoreCase", new Param("ignore_case", Kind.BOOL)))),
      entry("commonGrams", Counterpart.of("common_grams", Map.of("words", new Param("common_words", Kind.WORDS),
          "ignoreCase", new Param("ignore_case", Kind.BOOL)))),
      entry("commonGramsQuery", new Counterpart("common_grams", Map.of("query_mode", true), Map.of(
          "words", new Param("common_words", Kind.WORDS), "ignoreCase", new Param("ignore_case", Kind.BOOL)))),
      entry("shingle", Counterpart.of("shingle", Map.of(
          "minShingleSize", new Param("min_shingle_size", Kind.INT), "maxShingleSize", new Param("max_shingle_size", Kind.INT),
          "outputUnigrams", new Param("output_unigrams", Kind.BOOL),
          "outputUnigramsIfNoShingles", new Param("output_unigrams_if_no_shingles", Kind.BOOL),
          "tokenSeparator", new Param("token_separator", Kind.TEXT), "fillerToken", new Param("filler_token", Kind.TEXT)))),
      entry("edgeNGram", Counterpart.of("edge_ngram", GRAMS)),
      entry("nGram", Counterpart.of("ngram", GRAMS)),
      entry("wordDelimiterGraph", Counterpart.of("word_delimiter_graph", withAdjustOffsets())),
      entry("wordDelimiter", Counterpart.of("word_delimiter", WORD_DELIMITER)),
      entry("patternCaptureGroup", Counterpart.of("pattern_capture", Map.of(
          "pattern", new Param("patterns", Kind.ONE_ELEMENT_LIST), "preserve_original", new Param("preserve_original", Kind.BOOL)))),
      entry("fingerprint", Counterpart.of("fingerprint", Map.of("separator", new Param("separator", Kind.TEXT),
          "maxOutputTokenSize", new Param("max_output_size", Kind.INT)))),
      entry("dictionaryCompoundWord", Counterpart.of("dictionary_decompounder", Map.of(
          "dictionary", new Param("word_list", Kind.WORDS), "minWordSize", new Param("min_word_size", Kind.INT),
          "minSubwordSize", new Param("min_subword_size", Kind.INT), "maxSubwordSize", new Param("max_subword_size", Kind.INT),
          "onlyLongestMatch", new Param("only_longest_match", Kind.BOOL)))),
      // Stemmers: OpenSearch's "stemmer" filter picks the same Lucene class by language name.
      entry("porterStem", Counterpart.of("porter_stem")),
      entry("kStem", Counterpart.of("kstem")),
      entry("germanStem", Counterpart.of("german_stem")),
      entry("snowballPorter", new Counterpart("snowball", Map.of("language", "English"),
          Map.of("language", new Param("language", Kind.TEXT)))),
      stemmer("englishPossessive", "possessive_english"),
      stemmer("englishMinimalStem", "minimal_english"),
      stemmer("arabicStem", "arabic"),
      stemmer("bengaliStem", "bengali"),
      stemmer("brazilianStem", "brazilian"),
      stemmer("bulgarianStem", "bulgarian"),
      stemmer("czechStem", "czech"),
      stemmer("finnishLightStem", "light_finnish"),
      stemmer("frenchLightStem", "light_french"),
      stemmer("frenchMinimalStem", "minimal_french"),
      stemmer("galicianStem", "galician"),
      stemmer("galicianMinimalStem", "minimal_galician"),
      stemmer("germanLightStem", "light_german"),
      stemmer("germanMinimalStem", "minimal_german"),
      stemmer("greekStem", "greek"),
      stemmer("hindiStem", "hindi"),
      stemmer("hungarianLightStem", "light_hungarian"),
      stemmer("indonesianStem", "indonesian"),
      stemmer("italianLightStem", "light_italian"),
      stemmer("latvianStem", "latvian"),
      stemmer("norwegianLightStem", "light_norwegian"),
      stemmer("norwegianMinimalStem", "minimal_norwegian"),
      stemmer("portugueseStem", "portuguese_rslp"),
      stemmer("portugueseLightStem", "light_portuguese"),
      stemmer("portugueseMinimalStem", "minimal_portuguese"),
      stemmer("russianLightStem", "light_russian"),
      stemmer("soraniStem", "sorani"),
      stemmer("spanishLightStem", "light_spanish"),
      stemmer("swedishLightStem", "light_swedish"),
      // Script and language normalisation.
      entry("arabicNormalization", Counterpart.of("arabic_normalization")),
      entry("bengaliNormalization", Counterpart.of("bengali_normalization")),
      entry("germanNormalization", Counterpart.of("german_normalization")),
      entry("hindiNormalization", Counterpart.of("hindi_normalization")),
      entry("indicNormalization", Counterpart.of("indic_normalization")),
      entry("persianNormalization", Counterpart.of("persian_normalization")),
      entry("scandinavianNormalization", Counterpart.of("scandinavian_normalization")),
      entry("scandinavianFolding", Counterpart.of("scandinavian_folding")),
      entry("serbianNormalization", Counterpart.of("serbian_normalization")),
      entry("soraniNormalization", Counterpart.of("sorani_normalization"))));

  /** Why a filter or tokenizer that Lucene has is not translated, for the ones people are likely to name. */
  private static final Map<String, String> REFUSALS = lowerCaseKeys(Map.ofEntries(
      entry("hunspell", "it needs dictionary files installed on every OpenSearch node"),
      entry("icuFolding", "it needs the OpenSearch plugin analysis-icu"),
      entry("icuNormalizer2", "it needs the OpenSearch plugin analysis-icu"),
      entry("icuTransform", "it needs the OpenSearch plugin analysis-icu"),
      entry("icu", "it needs the OpenSearch plugin analysis-icu"),
      entry("phonetic", "it needs the OpenSearch plugin analysis-phonetic"),
      entry("doubleMetaphone", "it needs the OpenSearch plugin analysis-phonetic"),
      entry("beiderMorse", "it needs the OpenSearch plugin analysis-phonetic"),
      entry("daitchMokotoffSoundex", "it needs the OpenSearch plugin analysis-phonetic"),
      entry("hyphenationCompoundWord", "it needs a hyphenation grammar file installed on every OpenSearch node"),
      entry("wikipedia", "OpenSearch has no Wikipedia tokenizer")));

  static Optional<Counterpart> tokenizer(String luceneName) {
    return Optional.ofNullable(TOKENIZERS.get(luceneName.toLowerCase(Locale.ROOT)));
  }

  static Optional<Counterpart> filter(String luceneName) {
    return Optional.ofNullable(FILTERS.get(luceneName.toLowerCase(Locale.ROOT)));
  }

  /** Why {@code luceneName} cannot be translated, in words for the error message. */
  static String refusal(String luceneName) {
    return REFUSALS.getOrDefault(luceneName.toLowerCase(Locale.ROOT),
        "OpenSearch has no analysis component that does exactly what it does");
  }

  private static Map.Entry<String, Counterpart> stemmer(String luceneName, String language) {
    return entry(luceneName, new Counterpart("stemmer", Map.of("language", language), Map.of()));
  }

  private static Map<String, Param> withAdjustOffsets() {
    Map<String, Param> params = new HashMap<>(WORD_DELIMITER);
    params.put("adjustOffsets", new Param("adjust_offsets", Kind.BOOL));
    return params;
  }

  private static List<String> words(CharArraySet set) {
    return set.stream().map(w -> new String((char[]) w)).sorted().toList();
  }

  private static <V> Map<String, V> lowerCaseKeys(Map<String, V> map) {
    Map<String, V> out = new HashMap<>();
    map.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
    return Map.copyOf(out);
  }
}
