package org.steppe.enrich.ner;

import org.steppe.enrich.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityRecognizer;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Token;

/**
 * Finds people, organisations, places and other names (misc) with a statistical tagger trained
 * on news (CoNLL-2003 by default), including names no gazetteer lists. Reports mentions with
 * origin {@link EntityMention#MODEL} and the mention's own words as the name. Thread-safe: the
 * model is shared and each thread tags with its own {@link DocumentTagger}.
 */
public final class ModelEntityRecognizer implements EntityRecognizer {
  private final ThreadLocal<DocumentTagger> taggers;
  private final Set<String> notNames;
  private final Set<String> titles;

  /** A recogniser over {@code model}. */
  public ModelEntityRecognizer(NerModel model) {
    this(ThreadLocal.withInitial(model::newTagger), Set.of(), Set.of());
  }

  private ModelEntityRecognizer(ThreadLocal<DocumentTagger> taggers, Set<String> notNames, Set<String> titles) {
    this.taggers = taggers;
    this.notNames = Set.copyOf(notNames);
    this.titles = Set.copyOf(titles);
  }

  /**
   * This recogniser, dropping what the configuration says is no name: a person, organisation or
   * place made only of {@code notNames} words ("Kazak") or a mention that is one of the {@code titles}
   * ("Vice-Minister", "President"). Both are matching keys: lower case, accents folded, a phrase's
   * words joined by one space. Shares this recogniser's model and per-thread taggers.
   */
  public ModelEntityRecognizer filtering(Set<String> notNames, Set<String> titles) {
    return new ModelEntityRecognizer(taggers, notNames, titles);
  }

  /** The recogniser with the model built into the jar, or empty when this build ships none. */
  public static Optional<ModelEntityRecognizer> builtIn() {
    return BuiltIn.RECOGNIZER;
  }

  // Loaded on first use and kept: the model is read once per JVM, however many pipelines load.
  private static final class BuiltIn {
    static final Optional<ModelEntityRecognizer> RECOGNIZER = NerModels.builtIn().map(ModelEntityRecognizer::new);
  }

  @Override
  public List<EntityMention> recognize(String text) {
    List<EntityMention> out = new ArrayList<>();
    List<EntityMention> inHeadings = new ArrayList<>();
    List<List<Token>> sentences = NerTokenizer.sentences(text);
    java.util.Set<String> lowerCaseWords = lowerCaseWords(sentences);
    List<String[]> words = new ArrayList<>(sentences.size());
    for (List<Token> sentence : sentences) {
      String[] w = new String[sentence.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = NerTokenizer.modelForm(sentence.get(i).text());
      }
      words.add(w);
    }
    // Each article is its own document: the tagger's document memory starts empty.
    List<NameSpan[]> names = taggers.get().tag(words);
    for (int s = 0; s < sentences.size(); s++) {
      List<Token> sentence = sentences.get(s);
      boolean heading = titleCase(sentence, lowerCaseWords);
      for (NameSpan span : names.get(s)) {
        int start = sentence.get(span.start()).start();
        int end = sentence.get(span.end() - 1).end();
        String mention = text.substring(start, end);
        if (notAName(mention, span.type())) {
          continue;
        }
        EntityMention m = new EntityMention(Spaces.collapse(mention), EntityType.parse(span.type()),
            start, end, mention, EntityMention.MODEL);
        (heading ? inHeadings : out).add(m);
      }
    }
    // In Title Case headings every word looks like a name ("Focus on Language, Identity"): a heading's
    // mention counts only when the body names the same thing in ordinary text.
    java.util.Set<String> confirmed = new java.util.HashSet<>();
    out.forEach(m -> confirmed.add(m.name()));
    for (EntityMention m : inHeadings) {
      if (confirmed.contains(m.name())) {
        out.add(m);
      }
    }
    return out;
  }

  private boolean notAName(String mention, String type) {
    if (notNames.isEmpty() && titles.isEmpty()) {
      return false;
    }
    List<Token> words = Token.tokenize(mention);
    // Nationalities are misc names in the model's training data ("Russian", "Western"); not-names
    // rule out the other types ("Kazak" as a place or a person).
    boolean misc = type.equals(EntityType.MISC.label());
    return words.isEmpty() || (!misc && words.stream().allMatch(w -> notNames.contains(w.key())))
        || titles.contains(String.join(" ", words.stream().map(Token::key).toList()));
  }

  /**
   * A heading, not a sentence: nearly every longer word capitalised, including a word the article
   * otherwise writes in lower case ("Treaty", "Language") — which a sentence made only of names
   * ("Nazarbayev met Putin in Moscow") does not have.
   */
  private static boolean titleCase(List<Token> sentence, java.util.Set<String> lowerCaseWords) {
    int words = 0;
    int capitals = 0;
    boolean commonWordCapitalised = false;
    for (int i = 0; i < sentence.size(); i++) {
      String w = sentence.get(i).text();
      if (w.length() > 3 && Character.isLetter(w.charAt(0))) {
        words++;
        if (Character.isUpperCase(w.charAt(0))) {
          capitals++;
          commonWordCapitalised |= i > 0 && lowerCaseWords.contains(w.toLowerCase(java.util.Locale.ROOT));
        }
      }
    }
    return words >= 2 && capitals * 5 >= words * 4 && commonWordCapitalised;
  }

  private static java.util.Set<String> lowerCaseWords(List<List<Token>> sentences) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (List<Token> sentence : sentences) {
      for (Token t : sentence) {
        if (Character.isLowerCase(t.text().charAt(0))) {
          out.add(t.text());
        }
      }
    }
    return out;
  }
}
