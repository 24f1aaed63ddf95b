package org.steppe.enrich;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.steppe.config.ConfigDir;

/**
 * The verbs of saying ("said", "told", "according to"), from {@code speech-verbs.txt}: one form
 * per line, every inflection listed, {@code #} for comments.
 */
public record SpeechVerbs(Set<String> forms) {
  public static final String FILE = "speech-verbs.txt";

  public SpeechVerbs {
    forms = Set.copyOf(forms);
  }

  public static SpeechVerbs load(ConfigDir config) {
    List<String> lines = config.readLines(FILE);
    Set<String> forms = new HashSet<>();
    for (String l : lines) {
      forms.add(String.join(" ", Token.tokenize(l).stream().map(Token::key).toList()));
    }
    return new SpeechVerbs(forms);
  }

  /** Whether {@code key} (a lower-case, accent-folded word) is a form of a verb of saying. */
  public boolean contains(String key) {
    return forms.contains(key);
  }
}
