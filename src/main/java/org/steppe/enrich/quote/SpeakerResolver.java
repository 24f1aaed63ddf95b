package org.steppe.enrich.quote;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityType;
import org.steppe.enrich.Mention;
import org.steppe.enrich.PersonRules;

/**
 * Turns the words naming a speaker into a speaker: a name made canonical ({@link FullNames}), a
 * pronoun or role noun resolved to the person it stands for ({@link Antecedents}), with the role
 * to show ({@link PersonRoles}). Built per article, used by one thread.
 */
final class SpeakerResolver {
  private final ArticleView view;
  private final FullNames fullNames;
  private final PersonRoles roles;
  private final Antecedents antecedents;
  /** Names already worked out for name cues, by position (they do not change as speakers are found). */
  private final Map<Long, Optional<String>> names = new HashMap<>();

  SpeakerResolver(ArticleView view, QuoteRules rules, NameWords names, PersonRules personRules,
      Map<String, String> gazetteerRoles) {
    this.view = view;
    this.fullNames = new FullNames(view, names);
    this.roles = new PersonRoles(view, rules, personRules, gazetteerRoles);
    this.antecedents = new Antecedents(view, rules, roles);
  }

  /** The speaker a cue names, or null when it cannot be told; a person named here becomes an antecedent for later pronouns. */
  Speaker resolve(Cue cue, String localRole) {
    Speaker s = preview(cue, localRole);
    if (s != null && cue.type() == Cue.Type.NAME && (cue.entity() == null || cue.entity().type() == EntityType.PERSON)) {
      // a speaker named here is a person pronouns later on may stand for
      antecedents.add(new EntityMention(s.name(), EntityType.PERSON, cue.start(), cue.end(), s.mention().text(), "quotes"));
    }
    return s;
  }

  /** The name a cue resolves to, or null (also for unnamed sources), without remembering it: for weighing candidates. */
  String nameOf(Cue cue) {
    return switch (cue.type()) {
      case NAME -> names.computeIfAbsent(((long) cue.start() << 32) | cue.end(), k -> Optional.ofNullable(fullNames.of(cue))).orElse(null);
      case PRONOUN -> {
        EntityMention p = antecedents.ofPronoun(cue.key(), cue.start());
        yield p == null ? null : p.name();
      }
      case ROLE -> {
        EntityMention p = antecedents.holderOf(cue.key(), cue.start());
        yield p == null ? null : p.name();
      }
      case GROUP -> groupName(view.original.substring(cue.start(), cue.end()));
      case DESCRIPTION -> null;
    };
  }

  private Speaker preview(Cue cue, String localRole) {
    Mention mention = new Mention(cue.start(), cue.end(), view.original.substring(cue.start(), cue.end()));
    return switch (cue.type()) {
      case NAME -> {
        String name = fullNames.of(cue);
        yield name == null ? null : new Speaker(name, roles.of(name, localRole), mention);
      }
      case PRONOUN -> {
        EntityMention p = antecedents.ofPronoun(cue.key(), cue.start());
        yield p == null ? null : new Speaker(p.name(), roles.of(p.name(), null), mention);
      }
      case ROLE -> {
        // Only a person whose role says so: guessing the most recent person of unknown role was tried
        // and gained nothing on PolNeAR train, and a wrong speaker is worse than none.
        EntityMention p = antecedents.holderOf(cue.key(), cue.start());
        yield p == null ? unnamed(mention) : new Speaker(p.name(), roles.of(p.name(), null), mention);
      }
      // "the Trump campaign said": the organisation speaks, not the person it is named after
      case GROUP -> new Speaker(groupName(mention.text()), null, mention);
      // "a top aide said", "analysts said": nobody named, the description kept as the role
      case DESCRIPTION -> unnamed(mention);
    };
  }

  /** "Clinton’s campaign" → "Clinton campaign": the group under its name, without the possessive. */
  private static String groupName(String words) {
    return words.replaceAll("[\u2019']s\\b", "").replaceAll("\\s+", " ");
  }

  /** A source the text describes but does not name: no name, the description as its role. */
  private static Speaker unnamed(Mention mention) {
    return new Speaker(null, mention.text().replaceAll("\\s+", " "), mention);
  }

  /** A role stated right before or after a person mention, or null. */
  String statedRole(EntityMention m) {
    return roles.statedRole(m);
  }
}
