package org.steppe.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;

/**
 * Serves analysis resources (synonym and stop-word files) from the configuration folder, plus one
 * generated file, {@value #GAZETTEER_SYNONYMS}: every gazetteer entity's spellings as one Solr
 * synonym line, so a spelling added to the gazetteer is searchable without a second edit.
 */
final class ConfigResourceLoader implements ResourceLoader {
  static final String GAZETTEER_SYNONYMS = "gazetteer-synonyms.txt";

  private final ConfigDir config;
  private final Gazetteer gazetteer;
  private final ResourceLoader classes = new ClasspathResourceLoader(ConfigResourceLoader.class.getClassLoader());

  ConfigResourceLoader(ConfigDir config, Gazetteer gazetteer) {
    this.config = config;
    this.gazetteer = gazetteer;
  }

  @Override
  public InputStream openResource(String name) throws IOException {
    String resource = name.strip(); // "a.txt, b.txt" lists reach us with their spaces
    String text = resource.equals(GAZETTEER_SYNONYMS) ? gazetteerSynonyms()
        : config.read(resource).orElseThrow(() -> new IOException("configuration file not found: " + resource));
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  private String gazetteerSynonyms() {
    StringBuilder out = new StringBuilder();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      if (e.spellings().size() < 2) {
        continue;
      }
      out.append(String.join(", ", e.spellings().stream().map(ConfigResourceLoader::escape).toList())).append('\n');
    }
    return out.toString();
  }

  private static String escape(String spelling) {
    return spelling.replace("\\", "\\\\").replace(",", "\\,").replace("=>", "\\=>");
  }

  @Override
  public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
    return classes.findClass(cname, expectedType);
  }
}
