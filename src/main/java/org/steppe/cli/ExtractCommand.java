package org.steppe.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Mention;
import org.steppe.enrich.Quote;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints what the indexer would store for each article of the given files, as JSON Lines. Offsets
 * are Java string indices into the file's decoded text (for a Reuters story: into its title, a blank
 * line and its body).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Print, as JSON Lines, what the indexer would store for each article in FILE...")
final class ExtractCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Article files (.txt, reut2-*.sgm).")
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
        out.println(JSON.writeValueAsString(toJson(enricher.enrich(a), file.toString())));
      }
    }
    out.flush();
    err.flush();
    return 0;
  }

  static Map<String, Object> toJson(EnrichedArticle e, String file) {
    Article a = e.article();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", a.id());
    o.put("file", file);
    o.put("title", a.metadata().title());
    o.put("source", a.metadata().source());
    o.put("date", a.metadata().date() == null ? null : a.metadata().date().toString());
    o.put("author", a.metadata().author());
    o.put("url", a.metadata().url());
    List<Map<String, Object>> entities = new ArrayList<>();
    for (Entity en : e.entities()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", en.name());
      m.put("type", en.type().label());
      m.put("mentions", en.mentions());
      entities.add(m);
    }
    o.put("entities", entities);
    List<Map<String, Object>> quotes = new ArrayList<>();
    for (Quote q : e.quotes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", q.text());
      m.put("start", q.start());
      m.put("end", q.end());
      m.put("kind", q.kind().label());
      m.put("speaker", q.speaker());
      m.put("role", q.role());
      Mention sm = q.speakerMention();
      m.put("speakerMention", sm);
      quotes.add(m);
    }
    o.put("quotes", quotes);
    return o;
  }
}
