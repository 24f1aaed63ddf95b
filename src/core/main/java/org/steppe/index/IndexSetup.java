package org.steppe.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.ArticleCleaner;

/**
 * Everything an index is written and searched with, loaded from one configuration: the cleaner,
 * the enrichment pipeline, the analysis, the stop words of more-like-this, and the writer's RAM
 * buffer. Every file is read here, so a mistake in any of them stops before an index is opened.
 * Immutable and thread-safe.
 *
 * @param config where the files came from
 * @param cleaner turns documents into articles
 * @param enricher finds entities and quotes
 * @param analysis analyzers and similarity
 * @param stopWords words more-like-this never matches on and a query's loose words leave out
 *     ({@code stopwords.txt}; the {@code markAcronyms} character filter of {@code analysis.yaml} names the same file)
 * @param ramBufferMb the writer's RAM buffer
 * @param fingerprint what decides whether a stored article was enriched with this configuration
 */
public record IndexSetup(ConfigDir config, ArticleCleaner cleaner, Enricher enricher, Analysis analysis,
    List<String> stopWords, double ramBufferMb, String fingerprint) {
  /** Words more-like-this never matches on and queries leave out, in the configuration folder. */
  public static final String STOP_WORDS = "stopwords.txt";
  /** The built-in files whose change means re-enriching (files in the folder always count). */
  private static final List<String> CONFIG_FILES = List.of("boilerplate.yaml", "metadata.yaml", "sources.yaml",
      "gazetteer.yaml", "person-rules.yaml", "quote-rules.yaml", "speech-verbs.txt", "analysis.yaml", "synonyms.txt");

  public IndexSetup {
    stopWords = List.copyOf(stopWords);
  }

  /**
   * Loads every file of {@code config}.
   *
   * @param entityModel whether the statistical entity recogniser runs
   * @param quotes whether quotes are extracted
   * @throws org.steppe.config.ConfigException naming the file (and line) at fault
   */
  public static IndexSetup load(ConfigDir config, boolean entityModel, boolean quotes, double ramBufferMb) {
    Enricher enricher = Enricher.load(config, entityModel, quotes);
    Analysis analysis = Analysis.load(config, enricher.gazetteer());
    ArticleCleaner cleaner = ArticleCleaner.load(config);
    String fingerprint = config.fingerprint(CONFIG_FILES) + (entityModel ? "+model" : "-model") + (quotes ? "+quotes" : "-quotes");
    return new IndexSetup(config, cleaner, enricher, analysis, config.readLines(STOP_WORDS), ramBufferMb, fingerprint);
  }

  /**
   * How this setup's analysis differs from the one the index in {@code dir} was built with; empty
   * when they agree, when there is no index yet, when it holds no document, or when it predates pins.
   */
  public Optional<String> analysisDifference(Directory dir) throws IOException {
    if (!DirectoryReader.indexExists(dir)) {
      return Optional.empty();
    }
    SegmentInfos latest = SegmentInfos.readLatestCommit(dir);
    if (latest.totalMaxDoc() == 0) {
      return Optional.empty(); // nothing was analysed yet: any analysis may start it
    }
    Map<String, String> data = latest.getUserData();
    return AnalysisPin.fromUserData(data).flatMap(built -> analysis.pin().differenceFrom(built));
  }
}
