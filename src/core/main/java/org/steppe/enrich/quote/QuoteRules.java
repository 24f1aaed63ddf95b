package org.steppe.enrich.quote;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.Set;
import org.steppe.config.ConfigDir;
import org.steppe.config.YamlFile;
import org.steppe.enrich.Token;

/**
 * The word lists quote extraction works with, from {@code quote-rules.yaml}; each list is kept as a
 * set of matching keys (lower case, accents folded, words joined by one space).
 *
 * @param malePronouns pronouns that stand for a man ("he")
 * @param femalePronouns pronouns that stand for a woman ("she")
 * @param maleTitles titles before a name that make a person male ("Mr")
 * @param femaleTitles titles before a name that make a person female ("Mrs", "Ms")
 * @param maleNames first names that make a person male
 * @param femaleNames first names that make a person female
 * @param roleNouns nouns that name a speaker by office ("the minister said")
 * @param titleCues words just before a quoted string that make it a name of a thing ("titled")
 * @param determiners words that, before a quoted phrase followed by a noun, make it a label
 * @param groupNouns nouns after a name that let a group speak for it ("the Clinton campaign")
 * @param organisationNouns nouns that, after "the", stand for an organisation the article names, or
 *     for what it issued ("the company said", "the paper reported", "the statement said")
 * @param notSpeakers words that alone never name a speaker: company suffixes ("Inc"), words standing
 *     for people unnamed ("Analysts", "Another")
 * @param abbreviations words whose full stop does not end a sentence ("Mr", "U.S")
 * @param minUnattributedWords fewer words than this and no speaker: not a quotation
 * @param minAttributedWords fewer words than this even with a speaker: not a quotation
 */
public record QuoteRules(
    @JsonProperty("male-pronouns") Set<String> malePronouns,
    @JsonProperty("female-pronouns") Set<String> femalePronouns,
    @JsonProperty("male-titles") Set<String> maleTitles,
    @JsonProperty("female-titles") Set<String> femaleTitles,
    @JsonProperty("male-names") Set<String> maleNames,
    @JsonProperty("female-names") Set<String> femaleNames,
    @JsonProperty("role-nouns") Set<String> roleNouns,
    @JsonProperty("title-cues") Set<String> titleCues,
    @JsonProperty("determiners") Set<String> determiners,
    @JsonProperty("group-nouns") Set<String> groupNouns,
    @JsonProperty("organisation-nouns") Set<String> organisationNouns,
    @JsonProperty("not-speakers") Set<String> notSpeakers,
    @JsonProperty("abbreviations") Set<String> abbreviations,
    @JsonProperty("min-unattributed-words") int minUnattributedWords,
    @JsonProperty("min-attributed-words") int minAttributedWords) {
  public static final String FILE = "quote-rules.yaml";

  public QuoteRules {
    malePronouns = keys(malePronouns);
    femalePronouns = keys(femalePronouns);
    maleTitles = keys(maleTitles);
    femaleTitles = keys(femaleTitles);
    maleNames = keys(maleNames);
    femaleNames = keys(femaleNames);
    roleNouns = keys(roleNouns);
    titleCues = keys(titleCues);
    determiners = keys(determiners);
    groupNouns = keys(groupNouns);
    organisationNouns = keys(organisationNouns);
    notSpeakers = keys(notSpeakers);
    // Abbreviations are matched on the raw word before the full stop, so they keep their case and dots.
    abbreviations = abbreviations == null ? Set.of() : Set.copyOf(abbreviations);
    if (minUnattributedWords < 0 || minAttributedWords < 0) {
      throw new IllegalArgumentException("word minimums cannot be negative");
    }
  }

  /** The rules of {@code config}, or empty lists when the file is missing. */
  public static QuoteRules load(ConfigDir config) {
    return YamlFile.read(config, FILE, QuoteRules.class).orElse(
        new QuoteRules(null, null, null, null, null, null, null, null, null, null, null, null, null, 4, 2));
  }

  /** Whether {@code key} is a pronoun this configuration resolves. */
  boolean isPronoun(String key) {
    return malePronouns.contains(key) || femalePronouns.contains(key);
  }

  private static Set<String> keys(Set<String> words) {
    if (words == null) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(String.join(" ", Token.tokenize(w).stream().map(Token::key).toList()));
    }
    return Set.copyOf(out);
  }
}
