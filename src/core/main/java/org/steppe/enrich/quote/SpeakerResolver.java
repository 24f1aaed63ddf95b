package org.steppe.enrich.quote;

import org.steppe.enrich.Spaces;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Mention;
import org.steppe.enrich.Token;

/**
 * Turns the words naming a speaker into a speaker: a name made canonical ({@link FullNames}), a
 * pronoun or role noun resolved to the person it stands for ({@link Antecedents}), with the role
 * to show ({@link PersonRoles}). Built per article, used by one thread.
 */
final class SpeakerResolver {
  private final ArticleView view;
  private final FullNames fullNames;
  private final QuoteRules rules;
  private final PersonRoles roles;
  private final Antecedents antecedents;
  /** Names already worked out for name cues, by position (they do not change as speakers are found). */
  private final Map<Long, Optional<String>> names = new HashMap<>();

  /** @param roleWordKeys {@link PersonRoles#roleWordKeys}, made once per extractor */
  SpeakerResolver(ArticleView view, QuoteRules rules, NameWords names, java.util.Set<String> roleWordKeys,
      Map<String, String> gazetteerRoles) {
    this.view = view;
    this.fullNames = new FullNames(view, names, rules);
    this.rules = rules;
    this.roles = new PersonRoles(view, roleWordKeys, gazetteerRoles);
    this.antecedents = new Antecedents(view, rules, roles);
  }

  /** The speaker a cue names, or null when it cannot be told; a person named here becomes an antecedent for later pronouns. */
  Speaker resolve(Cue cue, String localRole) {
    Speaker s = preview(cue, localRole);
    boolean namedPerson = cue.type() == Cue.Type.NAME && (cue.entity() == null || cue.entity().type() == EntityType.PERSON);
    if (s != null && s.name() != null && (namedPerson || cue.type() == Cue.Type.PRONOUN)) {
      // a speaker named here, or a pronoun just resolved to one, is a person pronouns later on may
      // stand for: "…," she said. "…," she added — the second "she" is the first one's person even
      // when that person was last named more sentences back than a pronoun looks
      EntityMention m = new EntityMention(s.name(), EntityType.PERSON, cue.start(), cue.end(), s.mention().text(), "quotes");
      if (cue.type() == Cue.Type.PRONOUN) {
        antecedents.addPronoun(m, cue.key());
      } else {
        antecedents.add(m);
      }
    }
    return s;
  }

  /** The name a cue resolves to, or null (also for unnamed sources), without remembering it: for weighing candidates. */
  String nameOf(Cue cue) {
    return switch (cue.type()) {
      // the words' name even when it is no one's ("Analysts"): the model weighs what the words are, resolve() decides
      case NAME -> names.computeIfAbsent(((long) cue.start() << 32) | cue.end(), k -> Optional.ofNullable(fullNames.of(cue))).orElse(null);
      case PRONOUN -> personName(antecedents.ofPronoun(cue.key(), cue.start()), false);
      case ROLE -> personName(antecedents.holderOf(cue.key(), cue.start()), false);
      case GROUP -> groupName(view.original.substring(cue.start(), cue.end()));
      case DESCRIPTION -> null;
    };
  }

  private Speaker preview(Cue cue, String localRole) {
    Mention mention = new Mention(cue.start(), cue.end(), view.original.substring(cue.start(), cue.end()));
    return switch (cue.type()) {
      case NAME -> {
        Speaker member = memberOf(cue, mention);
        if (member != null) {
          yield member;
        }
        String name = nameOf(cue);
        name = name == null || !someone(name, cue) ? null : Spaces.collapseWithNoBreak(name);
        if (name == null) {
          // "Analysts said", "Dealers said": people the text does not name, kept as the description
          yield standsForPeople(cue) ? new Speaker(null, mention.text().toLowerCase(java.util.Locale.ROOT), mention) : null;
        }
        yield new Speaker(name, roles.of(name, localRole), mention);
      }
      case PRONOUN -> {
        EntityMention p = antecedents.ofPronoun(cue.key(), cue.start());
        String name = personName(p, true);
        yield name == null ? null : new Speaker(name, roles.of(p.name(), null), mention);
      }
      case ROLE -> {
        // Only a person whose role says so: guessing the most recent person of unknown role was tried
        // and gained nothing on PolNeAR train, and a wrong speaker is worse than none.
        EntityMention p = antecedents.holderOf(cue.key(), cue.start());
        String name = personName(p, true);
        yield name == null ? unnamed(mention) : new Speaker(name, roles.of(p.name(), null), mention);
      }
      // "the Trump campaign said": the organisation speaks, not the person it is named after
      case GROUP -> new Speaker(groupName(mention.text()), null, mention);
      // "a top aide said", "analysts said": nobody named, the description kept as the role;
      // "the company said": the organisation the article has named
      case DESCRIPTION -> {
        String organisation = organisationMeant(cue);
        yield organisation != null ? new Speaker(organisation, null, mention) : unnamed(mention);
      }
    };
  }

  /**
   * The organisation a description stands for: one named inside it ("a Bofors statement"), else, after
   * "the" and with an organisation noun for its head ("the company", "the bank", "the statement"),
   * the organisation named last before it outside quotation marks, one whose name holds the noun
   * first ("the bank": First City Bank); null otherwise.
   */
  private String organisationMeant(Cue cue) {
    if (!rules.organisationNouns().contains(cue.key())) {
      return null;
    }
    for (EntityMention e : view.entitiesIn(cue.start(), cue.end())) {
      if (e.type() == EntityType.ORGANIZATION) {
        return fullNames.of(Cue.of(e));
      }
    }
    List<Token> words = view.tokensIn(cue.start(), cue.end());
    if (words.isEmpty() || !words.get(0).key().equals("the")) {
      return null;
    }
    EntityMention last = null;
    EntityMention lastHolding = null;
    for (EntityMention e : view.entitiesIn(Math.max(0, cue.start() - ORGANISATION_REACH), cue.start())) {
      if (e.type() == EntityType.ORGANIZATION && !view.quoted(e.start())) {
        if (last == null || e.start() > last.start()) {
          last = e;
        }
        boolean holds = Token.tokenize(e.name()).stream().anyMatch(t -> t.key().equals(cue.key()));
        if (holds && (lastHolding == null || e.start() > lastHolding.start())) {
          lastHolding = e;
        }
      }
    }
    EntityMention meant = lastHolding != null ? lastHolding : last;
    return meant == null ? null : fullNames.of(Cue.of(meant));
  }

  /** How far back "the company" looks for the organisation it stands for, in characters. */
  private static final int ORGANISATION_REACH = 3000;

  /** The name of the person a pronoun or role noun stands for, as full as the article gives it; null when none, or ({@code validated}) no one's. */
  private String personName(EntityMention p, boolean validated) {
    if (p == null) {
      return null;
    }
    String name = fullNames.person(p);
    return !validated || someone(name, Cue.of(p)) ? name : null;
  }

  /**
   * Whether a name can be a speaker: not made only of words that name no one ("Inc", "Analysts",
   * "Another"), not a one-word nationality or other adjective-like entity ("Americans"), not a lone capitalised
   * word the article also writes in lower case ("Dealers", "Decision"), and opening with a capital.
   */
  private boolean someone(String name, Cue cue) {
    List<Token> words = Token.tokenize(name);
    if (words.isEmpty() || !Character.isUpperCase(name.codePointAt(0)) && !Character.isDigit(name.codePointAt(0))) {
      return false;
    }
    if (words.stream().allMatch(w -> rules.notSpeakers().contains(w.key()))) {
      return false;
    }
    EntityMention e = cue.entity();
    if (e != null && e.type() == EntityType.MISC && words.size() == 1) {
      return false; // "Americans", "Republican": a people or an adjective, not someone
    }
    boolean gazetteer = e != null && EntityMention.GAZETTEER.equals(e.origin());
    return gazetteer || words.size() > 1 || !view.lowerCaseKeys.contains(words.get(0).key());
  }

  /** Whether a name cue's words stand for people the text does not name: "Analysts", "Officials", "Traders". */
  private boolean standsForPeople(Cue cue) {
    List<Token> words = view.tokensIn(cue.start(), cue.end());
    if (words.size() != 1 || !words.get(0).key().endsWith("s")) {
      return false;
    }
    String key = words.get(0).key();
    return rules.notSpeakers().contains(key) || view.lowerCaseKeys.contains(key);
  }

  /**
   * For an organisation named as the speaker, who in it speaks: "said David Wyss of Data Resources
   * Inc" is David Wyss; "a spokesman for Morgan told Reuters" names no one (the description is the
   * role). Null when the words before the organisation say neither.
   */
  private Speaker memberOf(Cue cue, Mention mention) {
    if (cue.entity() == null || cue.entity().type() != EntityType.ORGANIZATION) {
      return null;
    }
    String before = view.text.substring(Math.max(0, cue.start() - 120), cue.start());
    java.util.regex.Matcher link = MEMBER_LINK.matcher(before);
    if (!link.find()) {
      return null;
    }
    int at = cue.start() - before.length() + link.start();
    for (EntityMention p : view.entitiesIn(Math.max(0, at - 80), at)) {
      if (p.type() == EntityType.PERSON && p.end() == at) {
        String name = personName(p, true);
        return name == null ? null : new Speaker(name, roles.of(p.name(), null), new Mention(p.start(), p.end(), view.original.substring(p.start(), p.end())));
      }
    }
    int k = view.tokenFrom(at) - 1;
    if (k >= 0 && view.tokens.get(k).end() == at && (rules.groupNouns().contains(view.tokens.get(k).key()) || rules.roleNouns().contains(view.tokens.get(k).key()))) {
      int from = k;
      if (from > 0 && rules.determiners().contains(view.tokens.get(from - 1).key()) || from > 0 && view.tokens.get(from - 1).key().equals("one")) {
        from--;
      }
      int start = view.tokens.get(from).start();
      return unnamed(new Mention(start, mention.end(), view.original.substring(start, mention.end())));
    }
    return null;
  }

  /**
   * What joins a person or a role to the organisation they speak for: "David Wyss of", "a spokesman
   * for", also across a compound that places or owns it ("a spokesman for Montreal-based Alcan").
   */
  private static final java.util.regex.Pattern MEMBER_LINK = java.util.regex.Pattern.compile(
      "(?:,\\s*|\\s+)(?:of|for|at|from),?\\s+(?:the\\s+)?(?:[\\p{L}.]+-(?:based|owned|run|controlled|backed)\\s+)?$");

  /** "Clinton’s campaign" → "Clinton campaign": the group under its name, without the possessive. */
  private static String groupName(String words) {
    return words.replaceAll("[\u2019']s\\b", "").replaceAll("\\s+", " ");
  }

  /** A source the text describes but does not name: no name, the description as its role. */
  private static Speaker unnamed(Mention mention) {
    return new Speaker(null, Spaces.collapse(mention.text()), mention);
  }

  /** A role stated right before or after a person mention, or null. */
  String statedRole(EntityMention m) {
    return roles.statedRole(m);
  }
}
