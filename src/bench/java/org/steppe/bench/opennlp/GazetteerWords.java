package org.steppe.bench.opennlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.Token;

/**
 * The gazetteer's capitalised words, each with the types of the entities it names
 * ("nazarbayev person"), stored inside a model so the model's gazetteer feature is reproducible.
 * Immutable.
 */
public final class GazetteerWords implements SerializableArtifact {
  private final Map<String, String> typesByKey;

  private GazetteerWords(Map<String, String> typesByKey) {
    this.typesByKey = Map.copyOf(typesByKey);
  }

  /** The words of {@code gazetteer}; lower-case words like "of" are left out as noise. */
  public static GazetteerWords of(Gazetteer gazetteer) {
    Map<String, Set<String>> types = new TreeMap<>();
    for (Gazetteer.Entry e : gazetteer.entities()) {
      for (String spelling : e.spellings()) {
        for (Token t : Token.tokenize(spelling)) {
          if (Character.isUpperCase(t.text().charAt(0))) {
            types.computeIfAbsent(t.key(), k -> new TreeSet<>()).add(e.type().label());
          }
        }
      }
    }
    Map<String, String> joined = new HashMap<>();
    types.forEach((k, ts) -> joined.put(k, String.join("+", ts)));
    return new GazetteerWords(joined);
  }

  /** The types joined by "+" ("person", "organization+place") of a word, or null if no entity uses it. */
  public String types(String word) {
    return typesByKey.get(Token.key(word));
  }

  public int size() {
    return typesByKey.size();
  }

  @Override
  public Class<?> getArtifactSerializerClass() {
    return Serializer.class;
  }

  /** Reads and writes the words as "key types" lines, leaving the model's zip stream open. */
  public static final class Serializer implements ArtifactSerializer<GazetteerWords> {
    @Override
    public GazetteerWords create(InputStream in) throws IOException {
      Map<String, String> map = new HashMap<>();
      // No try-with-resources: closing the reader would close the model's zip stream.
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int space = line.indexOf(' ');
        if (space > 0) {
          map.put(line.substring(0, space), line.substring(space + 1));
        }
      }
      return new GazetteerWords(map);
    }

    @Override
    public void serialize(GazetteerWords artifact, OutputStream out) throws IOException {
      StringBuilder sb = new StringBuilder();
      new TreeMap<>(artifact.typesByKey).forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
