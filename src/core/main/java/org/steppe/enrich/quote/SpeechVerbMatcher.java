package org.steppe.enrich.quote;

import java.util.List;
import java.util.Set;
import org.steppe.enrich.SpeechVerbs;
import org.steppe.enrich.Token;

/**
 * Tells a verb of saying in running text from the same word used otherwise: a noun after a
 * determiner ("his comments"), an infinitive ("for Ginsburg to criticize"), "continue to". Stateless
 * apart from its configuration; thread-safe.
 */
final class SpeechVerbMatcher {
  /** Verbs of saying that mean something else before "to". */
  private static final Set<String> NOT_BEFORE_TO = Set.of("continue", "continues", "continued", "continuing", "add",
      "adds", "added", "adding", "note", "notes", "noted", "claim", "claims", "claimed", "state", "states", "stated",
      "ask", "asks", "asked", "urge", "urges", "urged", "promise", "promises", "promised", "pledge", "pledged",
      "vow", "vows", "vowed", "call", "calls", "called", "calling");
  /** Verbs whose object is the one spoken to, not the speaker ("told reporters", "asks Trump"). */
  private static final Set<String> NO_INVERSION = Set.of("told", "tell", "tells", "telling", "ask", "asks", "asking");

  private final QuoteRules rules;
  private final SpeechVerbs verbs;

  SpeechVerbMatcher(QuoteRules rules, SpeechVerbs verbs) {
    this.rules = rules;
    this.verbs = verbs;
  }

  /** Whether the name after the verb {@code key} is the listener, never the speaker. */
  static boolean namesListener(String key) {
    return NO_INVERSION.contains(key);
  }

  /** How many words a verb of saying at {@code k} takes (0 when none): "according to" takes two. */
  int wordsAt(ArticleView v, List<Token> words, int k) {
    Token t = words.get(k);
    if (t.key().equals("according")) {
      return k + 1 < words.size() && words.get(k + 1).key().equals("to") ? 2 : 0;
    }
    if (k + 1 < words.size() && !t.capitalized() && verbs.contains(t.key() + " " + words.get(k + 1).key())
        && v.text.substring(t.end(), words.get(k + 1).start()).equals(" ")) {
      return 2; // "shot back", "pointed out": two-word forms in the lexicon
    }
    if (!verbs.contains(t.key()) || t.capitalized()) {
      return 0;
    }
    if (k + 1 < words.size() && words.get(k + 1).key().equals("to") && NOT_BEFORE_TO.contains(t.key())) {
      return 0; // "will continue to be", "added to the list": not saying
    }
    if (k > 0 && words.get(k - 1).key().equals("to") && v.text.substring(words.get(k - 1).end(), t.start()).equals(" ")
        && !t.key().equals("say") && !t.key().equals("tell")) {
      return 0; // "for Ginsburg to criticize Trump": an infinitive, not an attribution
    }
    if (k > 0) {
      String prev = words.get(k - 1).key();
      // "the state", "his comments", "a claim": nouns, not verbs
      if (rules.determiners().contains(prev) && v.text.substring(words.get(k - 1).end(), t.start()).equals(" ")) {
        return 0;
      }
    }
    return 1;
  }
}
