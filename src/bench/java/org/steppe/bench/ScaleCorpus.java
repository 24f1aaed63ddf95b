package org.steppe.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scale set: Reuters-21578 replicated on disk until it holds {@code scale} stories, so that
 * Steppe reads it through its own {@code Corpus}/{@code ReutersSgmlFormat} like any corpus.
 *
 * <p>Replica {@code k} (0, 1, …) lives in {@code r<k>/} with the original file names. Its stories
 * get NEWID {@code k * 100000 + NEWID} (ids stay numeric, as the format requires, and distinct, so
 * fingerprints differ) and a DATE {@code k} years earlier, so the archive spans years the way a
 * real one does; the text is unchanged. Replica 0 is the original corpus. Files are copied byte for
 * byte (read and written as Latin-1).
 */
public final class ScaleCorpus {
  private static final Pattern STORY = Pattern.compile("<REUTERS\\b[^>]*>.*?</REUTERS>\\s*", Pattern.DOTALL);
  private static final Pattern NEWID = Pattern.compile("NEWID=\"(\\d+)\"");
  private static final Pattern DATE_YEAR = Pattern.compile("(<DATE>\\s*\\d{1,2}-[A-Za-z]{3}-)(\\d{4})");
  public static final int REPLICA_STRIDE = 100_000;

  private ScaleCorpus() {}

  /** The base files, sorted. */
  public static List<Path> baseFiles() throws IOException {
    try (Stream<Path> s = Files.list(Bench.reuters())) {
      return s.filter(p -> p.getFileName().toString().matches("reut2-\\d+\\.sgm")).sorted().toList();
    }
  }

  /** The corpus folder of {@code scale} stories, written on first use and reused after. */
  public static Path ensure(int scale) throws IOException {
    Path dir = Bench.out().resolve("corpus").resolve("scale-" + scale);
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      return dir;
    }
    Bench.deleteTree(dir);
    Files.createDirectories(dir);
    List<Path> files = baseFiles();
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
    }
    int written = 0;
    for (int k = 0; written < scale; k++) {
      Path rdir = Files.createDirectories(dir.resolve(String.format("r%02d", k)));
      for (int i = 0; i < files.size() && written < scale; i++) {
        String text = texts.get(i);
        Matcher story = STORY.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 1024);
        out.append("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n");
        while (story.find() && written < scale) {
          out.append(replicate(story.group(), k));
          written++;
        }
        try (Writer w = Files.newBufferedWriter(rdir.resolve(files.get(i).getFileName()), StandardCharsets.ISO_8859_1)) {
          w.append(out);
        }
      }
    }
    Files.writeString(done, written + "\n");
    Bench.log("scale corpus %s: %d stories", dir, written);
    return dir;
  }

  static String replicate(String story, int k) {
    if (k == 0) {
      return story;
    }
    Matcher id = NEWID.matcher(story);
    String s = id.find() ? story.substring(0, id.start(1)) + (k * REPLICA_STRIDE + Integer.parseInt(id.group(1)))
        + story.substring(id.end(1)) : story;
    Matcher d = DATE_YEAR.matcher(s);
    if (d.find()) {
      s = s.substring(0, d.start(2)) + (Integer.parseInt(d.group(2)) - k) + s.substring(d.end(2));
    }
    return s;
  }

  /** The replica id of a base id, as the scale corpus writes it. */
  public static String replicaId(String baseId, int k) {
    return k == 0 ? baseId : String.valueOf(k * REPLICA_STRIDE + Integer.parseInt(baseId));
  }
}
