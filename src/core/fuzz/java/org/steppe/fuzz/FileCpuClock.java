package org.steppe.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.steppe.search.IndexProgress;

/**
 * Measures each file's CPU time on the thread that indexes it, from start to done, so a busy
 * machine does not make a file look slow. Thread-safe.
 */
public final class FileCpuClock implements IndexProgress {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final Map<String, Long> cpuNanos = new ConcurrentHashMap<>();

  @Override
  public void fileStarted(String file) {
    started.put(file, threads.getCurrentThreadCpuTime());
  }

  @Override
  public void fileDone(String file) {
    Long t0 = started.remove(file);
    if (t0 != null) {
      cpuNanos.put(file, threads.getCurrentThreadCpuTime() - t0);
    }
  }

  /** CPU nanoseconds per file (as the indexer named it) that was done. */
  public Map<String, Long> cpuNanos() {
    return Map.copyOf(cpuNanos);
  }
}
