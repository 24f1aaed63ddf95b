package org.steppe.enrich.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading PolNeAR's brat standoff: sources and contents of each attribution, first annotator only. */
class AttributionAnnotationsTest {
  @Test
  void readsDiscontinuousContentAndSkipsBrokenLines() {
    List<AttributionAnnotations.Annotated> a = AttributionAnnotations.parse(List.of(
        "T1\tSource 100 107\tGingrich",
        "T2\tCue 108 112\tsaid",
        "T3\tContent 10 50;51 90\t\"What Trump ought to do …\"",
        "T4\tAttribution 108 112\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "The number of people Hillary Clinton is actively vetting", // a span text broken over lines
        "T5\tContent 200 210\torphan",
        "E2\tAttribution:T4 Content:T5"));
    assertEquals(1, a.size(), "an attribution needs a source and a content");
    assertEquals(List.of(new AttributionAnnotations.Span(100, 107)), a.get(0).source());
    assertEquals(2, a.get(0).content().size());
    assertEquals(20 + 9, a.get(0).contentOverlap(30, 60), "overlap counts every fragment");
  }

  @Test
  void readsTheFirstAnnotatorOfEachPolnearArticle() throws Exception {
    Path train = Path.of("../shared/datasets/polnear/data/train");
    List<AttributionAnnotations.AnnotatedArticle> articles = AttributionAnnotations.read(train);
    long texts;
    try (var files = Files.list(train.resolve("text"))) {
      texts = files.count();
    }
    assertTrue(articles.size() <= texts && articles.size() > 0.9 * texts, articles.size() + " of " + texts);
    assertEquals(articles.size(), articles.stream().map(AttributionAnnotations.AnnotatedArticle::name).distinct().count());
    String text = Files.readString(articles.get(0).textFile());
    for (AttributionAnnotations.Annotated at : articles.get(0).attributions()) {
      for (AttributionAnnotations.Span s : at.source()) {
        assertTrue(s.end() <= text.length() && s.start() < s.end(), "spans fall inside the text");
      }
    }
  }
}
