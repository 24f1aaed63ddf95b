package org.steppe.search;

import java.util.List;

/**
 * What one indexing run did.
 *
 * @param files article files found
 * @param articles articles in the corpus after the run
 * @param added articles new to the index
 * @param updated articles whose text, metadata or enrichment changed
 * @param unchanged articles left as they were
 * @param removed articles whose file is gone from the corpus, or no longer holds them
 * @param kept articles left as last indexed because their file (or folder) could not be read or
 *     enriched this time; each such file is among {@code skipped}
 * @param entities entity mentions tagged in added and updated articles
 * @param quotes quotes extracted from added and updated articles
 * @param skipped files (or parts) skipped, each with the reason
 * @param warnings files read with a caveat
 * @param millis wall time
 */
public record IndexSummary(int files, int articles, int added, int updated, int unchanged, int removed,
    int kept, long entities, long quotes, List<Problem> skipped, List<Problem> warnings, long millis) {

  /**
   * A file and what was wrong with it.
   *
   * @param file the file (and {@code #id} for one story of many), relative to the corpus folder
   * @param reason what was wrong, for a person
   */
  public record Problem(String file, String reason) {}
}
