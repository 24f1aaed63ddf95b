package org.steppe.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.search.SteppeConfig;

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
  void ndcgIsAsTrecEvalDefinesIt() {
    // Grades 2 at rank 1 and 1 at rank 3; the ideal ranking holds 2, 1, 1 (a third, unretrieved).
    double dcg = 2 + 1 / (Math.log(4) / Math.log(2));
    double ideal = 2 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
    assertEquals(dcg / ideal, RankingMetrics.ndcgAt(10, List.of("a", "b", "c"), Map.of("a", 2, "c", 1, "x", 1, "b", 0)), 1e-9);
    assertEquals(0, RankingMetrics.ndcgAt(10, List.of("b"), Map.of("b", 0)));
  }

  @Test
  void readsTheTrecLayoutAndRanksThroughSteppesSearchAndStockLucene() throws IOException {
    TestCollection c = TestCollection.read(tinyCollection());
    assertEquals(4, c.documents().size());
    assertEquals(List.of("1", "2"), c.judgedTopics(), "topic 3 has no judgements and is not averaged");
    assertEquals("MEASUREMENT OF DIELECTRIC CONSTANT BY MICROWAVES", c.topics().get("1"));

    RelevanceEvaluation eval = new RelevanceEvaluation(1000);
    try (SteppeRanker steppe = new SteppeRanker(c.documents(), SteppeConfig.fromFolder(Path.of("index-config")), dir.resolve("work"));
        StockLuceneRanker stock = new StockLuceneRanker(c.documents())) {
      RelevanceEvaluation.Scores s = eval.run(c, steppe);
      // Topic 1: doc 10 has four of the words ("measured" and "measurement" share a stem), doc 30
      // "microwave" only: an all-capitals query is not acronyms, and "BY" is a stop word.
      assertEquals("10", s.rankings().get("1").get(0));
      assertTrue(s.rankings().get("1").contains("30"), "a long query needs only some of its words");
      // Topic 2: two words, both required: the relevant doc 40 alone.
      assertEquals(List.of("40"), s.rankings().get("2"));
      assertEquals(1.0, s.map(), 1e-9);
      assertEquals(1.0, s.ndcgAt10(), 1e-9);
      RelevanceEvaluation.Scores l = eval.run(c, stock);
      assertEquals("10", l.rankings().get("1").get(0));
      assertTrue(l.rankings().get("2").containsAll(List.of("20", "40")), "stock Lucene: any word");
    }
  }

  @Test
  void readsTheSmartLayoutWithTitles() throws IOException {
    Path c = dir.resolve("smart");
    Files.createDirectories(c);
    Files.writeString(c.resolve("TINY.ALL"), """
        .I 1
        .T
        Dewey Decimal Classification
        .A
        Comaromi, J.P.
        .W
           The present study is a history of the
        Dewey Decimal Classification.
        .X
        1	5	1
        .I 2
        .T
        Use Made of Technical Libraries
        .W
        A survey of how engineers use libraries.
        """);
    Files.writeString(c.resolve("TINY.QRY"), """
        .I 1
        .W
        What is the history of library classification?
        .I 2
        .W
        How do engineers use libraries?
        """);
    Files.writeString(c.resolve("TINY.REL"), "1 1 0 0.000000\n 2     2\t0\t0\n");
    TestCollection t = TestCollection.read(c);
    assertEquals(new TestCollection.Doc("Dewey Decimal Classification",
        "The present study is a history of the\nDewey Decimal Classification."), t.documents().get("1"));
    assertEquals("How do engineers use libraries?", t.topics().get("2"));
    assertEquals(Set.of("1"), t.relevant("1"));
    assertEquals(List.of("1", "2"), t.judgedTopics());
  }

  @Test
  void theCommandPrintsSteppeNextToStockLucene() throws IOException {
    Path collection = tinyCollection();
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(new org.steppe.cli.EvalRelevanceCommand());
    cli.setOut(new java.io.PrintWriter(out));
    int code = cli.execute("--collection", collection.toString(), "--config", "index-config", "--run", dir.resolve("run.txt").toString());
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("Steppe        1.0000   "), out.toString());
    assertTrue(out.toString().contains("stock Lucene  "), out.toString());
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
