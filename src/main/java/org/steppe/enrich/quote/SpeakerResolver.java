package org.steppe.enrich.quote;

import java.util.Map;
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

  SpeakerResolver(ArticleView view, QuoteRules rules, NameWords names, PersonRules personRules,
      Map<String, String> gazetteerRoles) {
    this.view = view;
    this.fullNames = new FullNames(view, names);
    this.roles = new PersonRoles(view, rules, personRules, gazetteerRoles);
    this.antecedents = new Antecedents(view, rules, roles);
  }

  /** The speaker a cue names, or null when it cannot be told. */
  Speaker resolve(Cue cue, String localRole) {
    Mention mention = new Mention(cue.start(), cue.end(), view.original.substring(cue.start(), cue.end()));
    return switch (cue.type()) {
      case NAME -> {
        String name = fullNames.of(cue);
        if (name == null) {
          yield null;
        }
        if (cue.entity() == null || cue.entity().type() == EntityType.PERSON) {
          // a speaker named here is a person pronouns later on may stand for
          antecedents.add(new EntityMention(name, EntityType.PERSON, cue.start(), cue.end(), mention.text(), "quotes"));
        }
        yield new Speaker(name, roles.of(name, localRole), mention);
      }
      case PRONOUN -> {
        EntityMention p = antecedents.ofPronoun(cue.key(), cue.start());
        yield p == null ? null : new Speaker(p.name(), roles.of(p.name(), null), mention);
      }
      case ROLE -> {
        // Only a person whose role says so: guessing the most recent person of unknown role was tried
        // and gained nothing on PolNeAR train, and a wrong speaker is worse than none.
        EntityMention p = antecedents.holderOf(cue.key(), cue.start());
        yield p == null ? null : new Speaker(p.name(), roles.of(p.name(), null), mention);
      }
    };
  }

  /** A role stated right before or after a person mention, or null. */
  String statedRole(EntityMention m) {
    return roles.statedRole(m);
  }
}
