package org.steppe.enrich;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;

/**
 * The cues by which {@link PersonRuleRecognizer} tells a person's name, from
 * {@code person-rules.yaml}. Words are compared case-insensitively.
 *
 * @param titles words written just before a name that make it a person's ("Economist", "President")
 * @param roles words that open an apposition after a name ("…, head of …", "…, a research fellow")
 * @param notNames capitalised words that never start or end a name ("The", "In", "Monday")
 */
public record PersonRules(List<String> titles, List<String> roles,
    @JsonProperty("not-names") List<String> notNames) {
  public static final String FILE = "person-rules.yaml";

  public PersonRules {
    titles = titles == null ? List.of() : List.copyOf(titles);
    roles = roles == null ? List.of() : List.copyOf(roles);
    notNames = notNames == null ? List.of() : List.copyOf(notNames);
  }

  public static PersonRules load(ConfigDir config) {
    return YamlFile.read(config, FILE, PersonRules.class).orElse(new PersonRules(null, null, null));
  }

  public Set<String> keys(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(String.join(" ", Token.tokenize(w).stream().map(Token::key).toList()));
    }
    return out;
  }
}
