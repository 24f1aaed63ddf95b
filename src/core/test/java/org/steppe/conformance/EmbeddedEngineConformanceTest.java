package org.steppe.conformance;

import java.io.IOException;
import java.nio.file.Path;
import org.steppe.search.Steppe;
import org.steppe.search.SteppeConfig;
import org.steppe.search.SteppeSearch;
import org.steppe.search.WritableSteppe;

/** The embedded Lucene engine passes the conformance suite of the read seam. */
class EmbeddedEngineConformanceTest extends SearchConformance {
  @Override
  protected SteppeSearch openOver(Path corpus, SteppeConfig config, Path scratch) throws IOException {
    try (WritableSteppe writer = Steppe.openWritable(scratch.resolve("index"), config)) {
      writer.indexCorpus(corpus, null);
    }
    // Read-only, as the server and the search commands open it.
    return Steppe.open(scratch.resolve("index"), config);
  }
}
