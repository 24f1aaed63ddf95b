package org.steppe.cli;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Token;
import org.steppe.enrich.ner.ConllReader;
import org.steppe.enrich.ner.ConllSentence;
import org.steppe.enrich.ner.NerTokenizer;
import org.steppe.enrich.ner.WordClusterer;
import org.steppe.ingest.Article;
import org.steppe.ingest.Corpus;
import org.steppe.ingest.IngestListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Learns word clusters from unlabelled text for the entity model's features. */
@Command(name = "cluster-words", mixinStandardHelpOptions = true,
    description = {"Learns word clusters from unlabelled text (the exchange algorithm over word bigrams) for the",
        "entity model (train-ner --clusters). Folders are read as corpora (every article Steppe would index, split",
        "into words as the model splits them); --conll files add their tokens. The same inputs give the same file."})
public final class ClusterWordsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FOLDER", arity = "0..*", description = "Corpus folders (.txt articles, Reuters .sgm files).")
  List<Path> folders = List.of();

  @Option(names = "--conll", paramLabel = "FILE", description = "CoNLL-format files whose tokens are added (tags are ignored).")
  List<Path> conll = List.of();

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the clusters.")
  Path out;

  @Option(names = "--classes", paramLabel = "N,N,N", split = ",",
      description = "Classes at each resolution, 1 to 3 numbers up to 1024 (default: 64,256,1024).")
  int[] classes = {64, 256, 1024};

  @Option(names = "--min-count", paramLabel = "N", description = "Words seen fewer times get no cluster (default: ${DEFAULT-VALUE}).")
  int minCount = 3;

  @Option(names = "--iterations", paramLabel = "N", description = "Most passes per resolution (default: ${DEFAULT-VALUE}).")
  int iterations = 15;

  @Override
  public Integer call() throws Exception {
    WordClusterer clusterer;
    try {
      clusterer = new WordClusterer(classes, minCount, iterations);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
    for (Path p : folders) {
      if (!Files.isDirectory(p)) {
        throw new CommandLine.ParameterException(new CommandLine(this), "not a folder: " + p);
      }
    }
    for (Path p : conll) {
      if (!Files.isRegularFile(p)) {
        throw new CommandLine.ParameterException(new CommandLine(this), "no such file: " + p);
      }
    }
    WordClusterer.Counts counts = new WordClusterer.Counts();
    for (Path folder : folders) {
      Corpus corpus = Corpus.open(folder, ConfigDir.defaultLocation(), IngestListener.SILENT);
      for (Path file : corpus.files()) {
        for (Article article : corpus.read(file)) {
          for (List<Token> sentence : NerTokenizer.sentences(article.cleanText())) {
            counts.add(sentence.stream().map(t -> NerTokenizer.modelForm(t.text())).toArray(String[]::new));
          }
        }
      }
    }
    for (Path file : conll) {
      for (ConllSentence s : ConllReader.read(file)) {
        counts.add(s.tokens());
      }
    }
    System.out.printf(Locale.ROOT, "%d tokens read%n", counts.tokens());
    long t0 = System.nanoTime();
    Map<String, int[]> clusters = clusterer.cluster(counts, System.out);
    if (out.toAbsolutePath().getParent() != null) {
      Files.createDirectories(out.toAbsolutePath().getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("# word clusters: steppe cluster-words --classes " + Arrays.stream(classes).mapToObj(Integer::toString)
          .collect(Collectors.joining(",")) + " --min-count " + minCount + " --iterations " + iterations + "\n");
      for (Map.Entry<String, int[]> e : clusters.entrySet()) {
        w.write(e.getKey() + "\t" + Arrays.stream(e.getValue()).mapToObj(Integer::toString).collect(Collectors.joining(" ")) + "\n");
      }
    }
    System.out.printf(Locale.ROOT, "%d words clustered in %.0f s; wrote %s%n", clusters.size(), (System.nanoTime() - t0) / 1e9, out);
    return 0;
  }

  public static void main(String[] args) {
    System.exit(Main.execute(new ClusterWordsCommand(), args));
  }
}
