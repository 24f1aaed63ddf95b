package org.steppe;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.steppe.config.ConfigDir;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import org.steppe.search.SteppeConfig;

/** The five seed articles in {@code corpus/}, read with the project's {@code index-config/}. */
public final class SeedCorpus {
  public static final Path DIR = Path.of("corpus");
  public static final ConfigDir CONFIG = ConfigDir.of(Path.of("index-config"));
  /** The project's {@code index-config/} for the library's API. */
  public static final SteppeConfig STEPPE_CONFIG = SteppeConfig.fromFolder(Path.of("index-config"));

  private SeedCorpus() {}

  /** Every seed article by id. */
  public static Map<String, Article> articles() {
    Corpus corpus = Corpus.open(DIR, CONFIG, IngestListener.SILENT);
    Map<String, Article> out = new LinkedHashMap<>();
    for (Path f : corpus.files()) {
      for (Article a : corpus.read(f)) {
        out.put(a.id(), a);
      }
    }
    return out;
  }

  /** The seed whose id starts with {@code prefix} ("000", …). */
  public static Article seed(String prefix) {
    return articles().values().stream().filter(a -> a.id().startsWith(prefix)).findFirst().orElseThrow();
  }
}
