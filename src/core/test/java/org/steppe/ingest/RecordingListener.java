package org.steppe.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps what an ingest run reported: skipped files and warnings, each by file name. */
public final class RecordingListener implements IngestListener {
  public final Map<String, String> skipped = new LinkedHashMap<>();
  public final Map<String, String> warned = new LinkedHashMap<>();

  @Override
  public synchronized void skipped(String file, String reason) {
    skipped.put(file, reason);
  }

  @Override
  public synchronized void warning(String file, String message) {
    warned.put(file, message);
  }
}
