package org.steppe.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Entity;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Quote;
import org.steppe.index.IndexSetup;
import org.steppe.ingest.Article;
import org.steppe.ingest.Metadata;
import org.steppe.ingest.SourceDocument;

/**
 * Turns an {@link ArticleInput} into the pipeline's enriched article: cleaned like a corpus file,
 * then enriched by the configured pipeline, or with the entities and quotes the input gives.
 */
final class CodeArticles {
  /** How the pipeline names mentions an input supplied. */
  static final String GIVEN = "given";

  private final IndexSetup setup;

  CodeArticles(IndexSetup setup) {
    this.setup = setup;
  }

  EnrichedArticle enriched(ArticleInput input) {
    // The text is the title, a blank line and the body, as a Reuters story's: offsets into the
    // body move by the title's length and the two line breaks.
    String text = input.title() == null ? input.body() : input.title() + "\n\n" + input.body();
    int shift = text.length() - input.body().length();
    Metadata stated = new Metadata(input.title(), input.source(), input.date(), input.author(), input.url());
    Article article = setup.cleaner().clean(new SourceDocument(input.id(), input.id(), text, stated), Metadata.NONE);
    if (!input.enriched()) {
      return setup.enricher().enrich(article);
    }
    List<EntityMention> mentions = new ArrayList<>();
    List<Entity> entities = new ArrayList<>();
    for (ArticleEntity e : input.entities() == null ? List.<ArticleEntity>of() : input.entities()) {
      org.steppe.enrich.EntityType type = org.steppe.enrich.EntityType.valueOf(e.type().name());
      List<org.steppe.enrich.Mention> spans = new ArrayList<>();
      for (Mention m : e.mentions()) {
        spans.add(new org.steppe.enrich.Mention(m.start() + shift, m.end() + shift, m.text()));
        mentions.add(new EntityMention(e.name(), type, m.start() + shift, m.end() + shift, m.text(), GIVEN));
      }
      entities.add(new Entity(e.name(), type, spans));
    }
    mentions.sort(Comparator.comparingInt(EntityMention::start));
    List<Quote> quotes = new ArrayList<>();
    for (ArticleQuote q : input.quotes() == null ? List.<ArticleQuote>of() : input.quotes()) {
      quotes.add(new Quote(q.text(), q.start() + shift, q.end() + shift, org.steppe.enrich.QuoteKind.valueOf(q.kind().name()),
          q.speaker(), q.role(), null, q.context()));
    }
    quotes.sort(Comparator.comparingInt(Quote::start));
    return new EnrichedArticle(article, mentions, entities, quotes);
  }
}
