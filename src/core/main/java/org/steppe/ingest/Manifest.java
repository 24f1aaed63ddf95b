package org.steppe.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus's sidecar manifest, {@code manifest.jsonl} at the corpus root: one JSON object per
 * line stating metadata that wins over what is read from the text.
 *
 * <pre>{"file": "2015/eadaily-1.txt", "title": "…", "source": "EADaily", "date": "2015-12-02",
 *  "author": "…", "url": "…"}</pre>
 *
 * <p>A line names its article by {@code file} (relative path, for one-article files) or by
 * {@code id} (for articles inside a multi-article file, such as a Reuters NEWID). Fields left out
 * or {@code null} are read from the text as usual. A line that cannot be read is reported and
 * skipped; the rest of the manifest still applies.
 */
public final class Manifest {
  /** The manifest's file name at the corpus root. */
  public static final String FILE = "manifest.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Metadata> byKey;

  private Manifest(Map<String, Metadata> byKey) {
    this.byKey = byKey;
  }

  /** No manifest: nothing is stated. */
  public static Manifest empty() {
    return new Manifest(Map.of());
  }

  /** Reads {@code corpusRoot/manifest.jsonl} if present; problems go to {@code listener}. */
  public static Manifest load(Path corpusRoot, IngestListener listener) {
    Path file = corpusRoot.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    Map<String, Metadata> map = new HashMap<>();
    List<String> lines;
    try {
      // The corpus is a boundary: a manifest that is a link to a file elsewhere is not read.
      if (!file.toRealPath().startsWith(corpusRoot.toRealPath())) {
        listener.skipped(FILE, "a link to a file outside the corpus folder: not read");
        return empty();
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      listener.skipped(FILE, "manifest unreadable: " + e.getMessage());
      return empty();
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        String key = text(node, "id") != null ? text(node, "id") : insideCorpus(text(node, "file"));
        if (key == null) {
          throw new IllegalArgumentException("needs \"file\" or \"id\"");
        }
        String date = text(node, "date");
        map.put(key, new Metadata(text(node, "title"), text(node, "source"),
            date == null ? null : LocalDate.parse(date), text(node, "author"), text(node, "url")));
      } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
        listener.skipped(FILE + ":" + (i + 1), "manifest line ignored: " + e.getMessage());
      }
    }
    return new Manifest(map);
  }

  /**
   * A manifest's file name as the corpus names files (relative, {@code /} separators), refused
   * when it points outside the corpus: a manifest describes the corpus and nothing else.
   */
  private static String insideCorpus(String file) {
    if (file == null) {
      return null;
    }
    if (file.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("\"file\" holds a NUL character, which no file name has");
    }
    Path p = Path.of(file.replace('\\', '/')).normalize();
    if (p.isAbsolute() || p.startsWith("..")) {
      throw new IllegalArgumentException("\"file\" names " + file + ", which is outside the corpus folder");
    }
    return p.toString().replace('\\', '/');
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** What the manifest states for a document, looked up by id and then by file. */
  public Metadata statedFor(SourceDocument doc) {
    Metadata byId = byKey.get(doc.id());
    return byId != null ? byId : byKey.getOrDefault(doc.file(), Metadata.NONE);
  }
}
