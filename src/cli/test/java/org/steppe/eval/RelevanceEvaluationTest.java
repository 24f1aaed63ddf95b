package org.steppe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Analysis;

/** The evaluation on a collection small enough to score by hand. */
class RelevanceEvaluationTest {
  @TempDir Path dir;

  @Test
  void averagePrecisionIsAsTrecEvalDefinesIt() {
    // Relevant at ranks 2 and 4, a third relevant document never retrieved: (1/2 + 2/4) / 3.
    assertEquals(1 / 3.0, RankingMetrics.averagePrecision(List.of("a", "b", "c", "d"), Set.of("b", "d", "x")), 1e-9);
    assertEquals(0.2, RankingMetrics.precisionAt(10, List.of("a", "b", "c", "d"), Set.of("b", "d", "x")), 1e-9);
    assertEquals(0, RankingMetrics.averagePrecision(List.of(), Set.of("x")));
  }

  @Test
  void readsTheTrecFormatAndRanksWithTheConfiguredChain() throws IOException {
    Path collection = tinyCollection();
    TrecCollection c = TrecCollection.read(collection);
    assertEquals(4, c.documents().size());
    assertEquals(List.of("1", "2"), c.judgedTopics(), "topic 3 has no judgements and is not averaged");
    assertEquals("MEASUREMENT OF DIELECTRIC CONSTANT BY MICROWAVES", c.topics().get("1"));

    ConfigDir config = ConfigDir.of(Path.of("index-config"));
    RelevanceEvaluation.Result r = new RelevanceEvaluation(Analysis.load(config, Gazetteer.load(config)), 1000).run(c);
    assertEquals(2, r.topics());
    // Topic 1: doc 10 matches four words ("measured" and "measurement" share a stem), doc 30
    // "microwave" only (stemmed like "microwaves"), ahead of doc 40's "of" by being shorter: AP 1.
    assertEquals(List.of("10", "30"), r.rankings().get("1").subList(0, 2));
    // Topic 2: the relevant doc 40 first, doc 20 ("data" only) second: AP 1.
    assertEquals("40", r.rankings().get("2").get(0));
    assertEquals(1.0, r.map(), 1e-9);
    assertEquals((0.2 + 0.1) / 2, r.precisionAt10(), 1e-9);
  }

  @Test
  void theCommandPrintsMapNextToTerriersFigure() throws IOException {
    Path collection = tinyCollection();
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new org.steppe.cli.EvalRelevanceCommand());
    cli.setOut(new java.io.PrintWriter(out));
    int code = cli.execute("--collection", collection.toString(), "--config", "index-config", "--run", dir.resolve("run.txt").toString());
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("MAP         1.0000   (Terrier BM25, b=0.4: 0.2992"), out.toString());
    assertTrue(Files.readString(dir.resolve("run.txt")).startsWith("1 Q0 10 1 "));
  }

  private Path tinyCollection() throws IOException {
    Path c = dir.resolve("tiny");
    Files.createDirectories(c.resolve("corpus"));
    Files.writeString(c.resolve("corpus/doc-text.trec"), """
        <DOC>
        <DOCNO>10</DOCNO>
        dielectric constant of liquids measured with microwave techniques
        </DOC>
        <DOC>
        <DOCNO>20</DOCNO>
        digital computers for filter design with data tables
        </DOC>
        <DOC>
        <DOCNO>30</DOCNO>
        microwave radiation from waveguides
        </DOC>
        <DOC>
        <DOCNO>40</DOCNO>
        systems of data coding for information transfer
        </DOC>
        """);
    Files.writeString(c.resolve("query-text.trec"), """
        <top>
        <num>1</num><title>
        MEASUREMENT OF DIELECTRIC CONSTANT BY MICROWAVES
        </title>
        </top>
        <top>
        <num>2</num><title>
        DATA CODING
        </title>
        </top>
        <top>
        <num>3</num><title>
        UNJUDGED TOPIC
        </title>
        </top>
        """);
    Files.writeString(c.resolve("qrels"), "1 0 10 1\n1 0 30 1\n2 0 40 1\n2 0 20 0\n");
    return c;
  }
}
