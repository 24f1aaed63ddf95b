package org.steppe.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;
import org.steppe.SeedCorpus;
import org.steppe.enrich.Gazetteer;
import org.steppe.ingest.CorpusFiles;
import org.steppe.ingest.SourceDocument;

/**
 * The acronym filter that skips text the pattern cannot match writes exactly what Lucene's
 * {@link PatternReplaceCharFilter} with the same pattern writes, with the same offsets, on every
 * story of the seeds and Reuters-21578 (titles and texts), and on made-up edge cases.
 */
class AcronymCharFilterTest {
  private static final List<Path> CORPORA = List.of(SeedCorpus.DIR, Path.of("../shared/datasets/reuters21578"));

  @Test
  void writesWhatLucenesPatternFilterWrites() throws IOException {
    AcronymCharFilterFactory factory = new AcronymCharFilterFactory(new HashMap<>(Map.of("words", IndexSetup.STOP_WORDS)));
    factory.inform(new ConfigResourceLoader(SeedCorpus.CONFIG, Gazetteer.load(SeedCorpus.CONFIG)));
    List<String> texts = new ArrayList<>(List.of("", "A", "US", "us", "The US said", "THE US SAID", "IT", "IT's",
        "said WHO.", "AT&T", "US-led", "ONE", "INTERNATIONAL", "xUS", "US1", "1US", "Über US", "US\u00A0said",
        "the IT-department", "\u00DCUS and us", "he said IS IS", "is it ITS or IT'S", "\uD835\uDC00US is"));
    for (Path f : files()) {
      for (SourceDocument d : CorpusFiles.documents(f)) {
        texts.add(d.text());
        if (d.known().title() != null) {
          texts.add(d.known().title());
        }
      }
    }
    long t0 = System.nanoTime();
    int skipped = 0;
    int filtered = 0;
    int tried = 0;
    AcronymCharFilter.Words words = new AcronymCharFilter.Words(
        SeedCorpus.CONFIG.readLines(IndexSetup.STOP_WORDS));
    for (String text : texts) {
      CharFilter fast = (CharFilter) factory.create(new StringReader(text));
      PatternReplaceCharFilter lucene = new PatternReplaceCharFilter(factory.pattern(), AcronymPattern.REPLACEMENT,
          new StringReader(text));
      String out = read(fast);
      String expected = read(lucene);
      assertEquals(expected, out, text);
      boolean changed = !out.equals(text);
      tried += words.mayMatch(text) ? 1 : 0;
      // Where nothing changed both map every offset to itself; a few suffice there.
      for (int off = 0; off <= out.length(); off += changed ? 1 : Math.max(1, out.length() / 7)) {
        assertEquals(lucene.correctOffset(off), fast.correctOffset(off), text + " @" + off);
      }
      assertEquals(lucene.correctOffset(out.length()), fast.correctOffset(out.length()), text);
      if (changed) {
        filtered++;
      } else {
        skipped++;
      }
    }
    assertTrue(texts.size() > 21_000 || !Files.isDirectory(CORPORA.get(1)), "Reuters' stories are all compared: " + texts.size());
    System.out.println("AcronymCharFilterTest: " + filtered + " texts changed, " + skipped + " unchanged, " + tried + " given to the pattern, "
        + (System.nanoTime() - t0) / 1_000_000 + " ms");
    assertTrue(filtered > 0 && skipped > 0, "both kinds of text: " + filtered + " changed, " + skipped + " unchanged");
  }

  private static String read(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[333];
    for (int n = r.read(buf); n > 0; n = r.read(buf)) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  private static List<Path> files() {
    return CorpusFiles.under(CORPORA, f -> f.startsWith(SeedCorpus.DIR) || f.toString().endsWith(".sgm"));
  }
}
