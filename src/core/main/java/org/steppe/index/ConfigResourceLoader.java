package org.steppe.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;

/**
 * Serves analysis resources (synonym and stop-word files) from the configuration folder, plus one
 * generated file, {@value #GAZETTEER_SYNONYMS}: every gazetteer entity's spellings as one Solr
 * synonym line, so a spelling added to the gazetteer is searchable without a second edit.
 */
public final class ConfigResourceLoader implements ResourceLoader {
  public static final String GAZETTEER_SYNONYMS = "gazetteer-synonyms.txt";

  private final ConfigDir config;
  private final Gazetteer gazetteer;
  /** Every resource served, with its text: what a chain built through this loader depends on. */
  private final java.util.Map<String, String> served = new java.util.TreeMap<>();
  private final ResourceLoader classes = new ClasspathResourceLoader(ConfigResourceLoader.class.getClassLoader());

  public ConfigResourceLoader(ConfigDir config, Gazetteer gazetteer) {
    this.config = config;
    this.gazetteer = gazetteer;
  }

  @Override
  public InputStream openResource(String name) throws IOException {
    String resource = name.strip(); // "a.txt, b.txt" lists reach us with their spaces
    String text = resource.equals(GAZETTEER_SYNONYMS) ? gazetteerSynonyms()
        : config.read(resource).orElseThrow(() -> new IOException("configuration file not found: " + resource));
    served.put(resource, text);
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The resources served so far, by name, with their text. */
  java.util.Map<String, String> served() {
    return java.util.Collections.unmodifiableMap(served);
  }

  private String gazetteerSynonyms() {
    StringBuilder out = new StringBuilder();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      // An ambiguous spelling ("Senate") is no synonym: "Senate of Kazakhstan" must not find every senate.
      List<String> spellings = e.unambiguousSpellings().stream().filter(ConfigResourceLoader::safeAsSynonym).toList();
      if (spellings.size() < 2) {
        continue;
      }
      out.append(String.join(", ", spellings.stream().map(ConfigResourceLoader::escape).toList())).append('\n');
    }
    return out.toString();
  }

  /**
   * Query text is lower-cased before synonyms apply, so an acronym that is also a common word
   * ("IS", "US") would turn every "is" into "Islamic State". Such acronyms stay searchable through
   * the entity field and the canonical name, just not as synonyms.
   */
  private static boolean safeAsSynonym(String spelling) {
    String lower = spelling.toLowerCase(Locale.ROOT);
    boolean acronym = spelling.equals(spelling.toUpperCase(Locale.ROOT)) && spelling.length() <= 4;
    return !(acronym && (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(lower) || COMMON_SHORT_WORDS.contains(lower)));
  }

  private static final Set<String> COMMON_SHORT_WORDS =
      Set.of("us", "we", "he", "me", "my", "am", "so", "do", "up", "go", "oh", "who", "can", "may", "all", "our");

  private static String escape(String spelling) {
    return spelling.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "\\=>");
  }

  @Override
  public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
    return classes.findClass(cname, expectedType);
  }
}
