package org.steppe.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticleJson;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints what the indexer would store for each article of the given files, as JSON Lines, with the
 * clean body it indexes. Offsets are Java string indices into the article's text: the file's decoded
 * text (for a Reuters story: its title, a blank line and its body; for a web page, feed item or JSON
 * Lines article: the text read from it, paragraphs separated by blank lines).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Print, as JSON Lines, what the indexer would store for each article in FILE...")
final class ExtractCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files (.txt, reut2-*.sgm, .html/.htm[.gz], .rss/.atom/.xml feeds, .jsonl).")
  List<Path> files;

  @Option(names = "--config", paramLabel = "DIR", description = "Configuration folder (default: index-config/ if present, else built in).")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigDir conf = config != null ? ConfigDir.of(config) : ConfigDir.defaultLocation();
    Enricher enricher = Enricher.load(conf);
    IngestListener listener = new IngestListener() {
      @Override
      public void skipped(String file, String reason) {
        err.println("skipped: " + file + ": " + reason);
      }

      @Override
      public void warning(String file, String message) {
        err.println("warning: " + file + ": " + message);
      }
    };
    for (Path file : files) {
      Path abs = file.toAbsolutePath().normalize();
      Path parent = abs.getParent();
      Corpus corpus = Corpus.open(parent, conf, listener);
      for (Article a : corpus.read(abs)) {
        out.println(EnrichedArticleJson.line(enricher.enrich(a), file.toString()));
      }
    }
    out.flush();
    err.flush();
    return 0;
  }
}
