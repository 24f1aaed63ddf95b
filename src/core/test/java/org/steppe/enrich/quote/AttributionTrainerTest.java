package org.steppe.enrich.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.pipeline.Enricher;
import org.steppe.ingest.Article;

/** Training the attribution model: deterministic, and the shipped model is what the command makes of PolNeAR train. */
class AttributionTrainerTest {
  private static final Path TRAIN = Path.of("../shared/datasets/polnear/data/train");
  private static final ConfigDir CONFIG = ConfigDir.of(Path.of("index-config"));
  /** The whole pipeline's entity mentions, as train-attribution gives them. */
  private static final Mentions PIPELINE = new Mentions(Enricher.load(CONFIG));

  private record Mentions(Enricher enricher) {
    List<EntityMention> mentions(Article a) {
      return enricher.enrich(a).mentions();
    }
  }

  @Test
  void theSameSplitGivesTheSameModelByteForByte(@TempDir Path dir) throws Exception {
    Path slice = slice(dir, 12);
    AttributionTrainer trainer = new AttributionTrainer(AttributionTrainer.DEFAULT);
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    AttributionTrainer.Report report = trainer.train(slice, CONFIG, PIPELINE::mentions, first);
    trainer.train(slice, CONFIG, PIPELINE::mentions, second);
    assertEquals(first.toString(), second.toString());
    assertEquals(12, report.articles());
    assertTrue(report.quotes() > 50 && report.sourceFound() > report.quotes() / 2, report.toString());
    AttributionModel model = AttributionModel.read(new java.io.ByteArrayInputStream(first.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(AttributionTrainer.DEFAULT.threshold(), model.threshold(), 1e-6);
    assertTrue(model.features().contains("T=PER"), "weighs what a candidate is");
  }

  @Test
  void theShippedModelIsWhatTrainAttributionMakesOfPolnearTrain() throws Exception {
    StringWriter trained = new StringWriter();
    new AttributionTrainer(AttributionTrainer.DEFAULT).train(TRAIN, CONFIG, PIPELINE::mentions, trained);
    String shipped;
    try (InputStream in = AttributionModel.class.getResourceAsStream(AttributionModel.RESOURCE)) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(shipped, trained.toString(), "the built-in model is stale: retrain it with "
        + "steppe train-attribution --train ../shared/datasets/polnear/data/train --out src/core/main/resources" + AttributionModel.RESOURCE);
  }

  /** The first {@code n} annotated articles of PolNeAR train, linked into a split folder of their own. */
  private static Path slice(Path dir, int n) throws Exception {
    Files.createDirectories(dir.resolve("text"));
    Files.createDirectories(dir.resolve("attributions"));
    List<AttributionAnnotations.AnnotatedArticle> all = AttributionAnnotations.read(TRAIN);
    for (AttributionAnnotations.AnnotatedArticle a : all.subList(0, n)) {
      Files.copy(a.textFile(), dir.resolve("text").resolve(a.textFile().getFileName()));
      try (Stream<Path> anns = Files.list(TRAIN.resolve("attributions"))) {
        for (Path ann : anns.filter(p -> p.getFileName().toString().startsWith(a.name() + "_")).sorted().toList()) {
          Files.copy(ann, dir.resolve("attributions").resolve(ann.getFileName()));
        }
      }
    }
    return dir;
  }
}
