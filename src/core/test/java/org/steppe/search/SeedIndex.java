package org.steppe.search;

import java.io.IOException;
import java.nio.file.Path;
import org.steppe.SeedCorpus;

/** The five seed articles of {@code corpus/}, indexed with the project's {@code index-config/}, and their ids. */
final class SeedIndex {
  static final SteppeConfig CONFIG = SeedCorpus.STEPPE_CONFIG;

  /** Tengrinews (undated): senators question the treaty's coordinated-foreign-policy clause. */
  static final String TENGRINEWS = "000_f2ec2cef95c906d2.txt";
  /** CABAR.asia: "Kazak-Russian Treaty: Cave-in or Pragmatism?" (spells Kazakstan, Nazarbaev). */
  static final String CABAR = "001_70616fac980b1ee6.txt";
  /** Baltic States news & analytics, 2017: "Multi-vector policy of Kazakhstan". */
  static final String BALTIC = "002_4ac4e2ebd0d83a8e.txt";
  /** EADaily, 2015-12-02: "Russia –Kazakhstan: Limits of alliance" (EEU, Nazarbayev). */
  static final String EADAILY = "003_049d21399e94aeb1.txt";
  /** Eurasia Daily Monitor: "Kazakhstan's Foreign Policy: One for All, or All for One?" (Idrissov, Idrossov). */
  static final String EDM = "004_8b1bb3de2c38a53d.txt";

  private SeedIndex() {}

  /** A writable Steppe over a fresh index of {@code corpus/} in {@code dir}. */
  static WritableSteppe index(Path dir) throws IOException {
    WritableSteppe steppe = Steppe.openWritable(dir, CONFIG);
    steppe.indexCorpus(Path.of("corpus"), IndexProgress.NONE);
    return steppe;
  }
}
