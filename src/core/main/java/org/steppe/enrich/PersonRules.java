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
 * @param organizationWords words that make a name an organisation's, never a person's ("Corp",
 *     "Bank", "Department"): a person found by rules with one is dropped, one found by the model is
 *     an organisation
 * @param organizationSuffixes the ones of those written after an organisation's name that belong
 *     to it ("Chrysler Corp", "J.P. Morgan and Co Inc"): a name they follow takes them in
 */
public record PersonRules(List<String> titles, List<String> roles,
    @JsonProperty("not-names") List<String> notNames,
    @JsonProperty("organization-words") List<String> organizationWords,
    @JsonProperty("organization-suffixes") List<String> organizationSuffixes) {
  public static final String FILE = "person-rules.yaml";

  public PersonRules {
    titles = titles == null ? List.of() : List.copyOf(titles);
    roles = roles == null ? List.of() : List.copyOf(roles);
    notNames = notNames == null ? List.of() : List.copyOf(notNames);
    organizationWords = organizationWords == null ? List.of() : List.copyOf(organizationWords);
    organizationSuffixes = organizationSuffixes == null ? List.of() : List.copyOf(organizationSuffixes);
  }

  public static PersonRules load(ConfigDir config) {
    return YamlFile.read(config, FILE, PersonRules.class).orElse(new PersonRules(null, null, null, null, null));
  }

  public Set<String> keys(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(String.join(" ", Token.tokenize(w).stream().map(Token::key).toList()));
    }
    return out;
  }
}
