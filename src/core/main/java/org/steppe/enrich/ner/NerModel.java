package org.steppe.enrich.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained entity tagger: a table of label weights indexed by hashed features, label-pair
 * scores, and the word clusters and gazetteer words its features read. Immutable and
 * thread-safe: one model serves every thread, each tagging with its own {@link DocumentTagger}.
 * Stored as a small gzip-compressed binary file that holds only the rows training touched.
 */
public final class NerModel {
  private static final String MAGIC = "steppe-ner";
  private static final int VERSION = 1;
  private static final int L = NerLabels.COUNT;

  final int bits;
  /** Weights in units of {@code 1 / scale}: row {@code r}'s label {@code y} at {@code r * L + y}. */
  final short[] weights;
  final double scale;
  final double[] transitions;
  final double[] start;
  final WordTable clusters;
  final int resolutions;
  final WordTable gazetteer;

  NerModel(int bits, short[] weights, double scale, double[] transitions, double[] start, WordTable clusters,
      int resolutions, WordTable gazetteer) {
    if (weights.length != (1 << bits) * L || transitions.length != L * L || start.length != L) {
      throw new IllegalArgumentException("weight table does not match " + bits + " bits and " + L + " labels");
    }
    this.bits = bits;
    this.weights = weights;
    this.scale = scale;
    this.transitions = transitions;
    this.start = start;
    this.clusters = clusters;
    this.resolutions = resolutions;
    this.gazetteer = gazetteer;
  }

  /** A tagger for one thread. */
  public DocumentTagger newTagger() {
    return new DocumentTagger(this);
  }

  FeatureExtractor newExtractor() {
    return new FeatureExtractor(bits, clusters, resolutions, gazetteer);
  }

  /** Writes the model; the same model always gives the same bytes. */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
    data.writeUTF(MAGIC);
    data.writeInt(VERSION);
    data.writeInt(bits);
    data.writeInt(L);
    data.writeInt(resolutions);
    clusters.write(data);
    gazetteer.write(data);
    data.writeDouble(scale);
    for (double t : transitions) {
      data.writeDouble(t);
    }
    for (double s : start) {
      data.writeDouble(s);
    }
    int rows = 1 << bits;
    int used = 0;
    for (int r = 0; r < rows; r++) {
      used += nonZero(r) ? 1 : 0;
    }
    data.writeInt(used);
    int last = -1;
    for (int r = 0; r < rows; r++) {
      if (nonZero(r)) {
        writeVarInt(data, r - last);
        last = r;
        for (int y = 0; y < L; y++) {
          data.writeShort(weights[r * L + y]);
        }
      }
    }
    data.flush();
    gzip.finish();
  }

  /** Writes the model to {@code file}. */
  public void write(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out);
    }
  }

  /** Reads a model written by {@link #write}. */
  public static NerModel read(InputStream in) throws IOException {
    DataInputStream data;
    try {
      data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    } catch (java.util.zip.ZipException e) {
      throw new IOException("not a Steppe entity model (expected a gzip file)", e);
    }
    if (!MAGIC.equals(data.readUTF())) {
      throw new IOException("not a Steppe entity model");
    }
    int version = data.readInt();
    if (version != VERSION) {
      throw new IOException("entity model version " + version + " (this Steppe reads version " + VERSION + ")");
    }
    int bits = data.readInt();
    int labels = data.readInt();
    if (bits < 8 || bits > 26 || labels != L) {
      throw new IOException("entity model with " + bits + " bits and " + labels + " labels: not for this Steppe");
    }
    int resolutions = data.readInt();
    WordTable clusters = WordTable.read(data);
    WordTable gazetteer = WordTable.read(data);
    double scale = data.readDouble();
    double[] transitions = new double[L * L];
    for (int i = 0; i < transitions.length; i++) {
      transitions[i] = data.readDouble();
    }
    double[] start = new double[L];
    for (int i = 0; i < L; i++) {
      start[i] = data.readDouble();
    }
    short[] weights = new short[(1 << bits) * L];
    int used = data.readInt();
    int row = -1;
    for (int k = 0; k < used; k++) {
      row += readVarInt(data);
      if (row < 0 || row >= 1 << bits) {
        throw new IOException("corrupt entity model: row " + row);
      }
      for (int y = 0; y < L; y++) {
        weights[row * L + y] = data.readShort();
      }
    }
    return new NerModel(bits, weights, scale, transitions, start, clusters, resolutions, gazetteer);
  }

  /** Reads the model in {@code file}. */
  public static NerModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Rows of the weight table that training touched. */
  int usedRows() {
    int used = 0;
    for (int r = 0; r < 1 << bits; r++) {
      used += nonZero(r) ? 1 : 0;
    }
    return used;
  }

  private boolean nonZero(int row) {
    for (int y = 0; y < L; y++) {
      if (weights[row * L + y] != 0) {
        return true;
      }
    }
    return false;
  }

  private static void writeVarInt(DataOutputStream out, int v) throws IOException {
    while ((v & ~0x7F) != 0) {
      out.writeByte((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.writeByte(v);
  }

  private static int readVarInt(DataInputStream in) throws IOException {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("corrupt entity model: bad number");
  }
}
