package org.steppe.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.steppe.config.ConfigDir;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.EntityRecognizer;
import org.steppe.enrich.EntityResolver;
import org.steppe.enrich.Gazetteer;
import org.steppe.enrich.GazetteerRecognizer;
import org.steppe.enrich.PersonRuleRecognizer;
import org.steppe.enrich.PersonRules;
import org.steppe.enrich.Quote;
import org.steppe.enrich.QuoteExtractor;
import org.steppe.enrich.SpeechVerbs;
import org.steppe.enrich.ner.ModelEntityRecognizer;
import org.steppe.enrich.quote.RuleQuoteExtractor;
import org.steppe.ingest.Article;
import org.steppe.ingest.Paragraphs;

/**
 * The enrichment pipeline: every entity recogniser, then the resolver, then quote extraction.
 * Built once from the configuration and shared; thread-safe.
 */
public final class Enricher {
  private final List<EntityRecognizer> recognizers;
  private final EntityResolver resolver;
  private final QuoteExtractor quotes;
  private final Gazetteer gazetteer;

  public Enricher(Gazetteer gazetteer, List<EntityRecognizer> recognizers, EntityResolver resolver, QuoteExtractor quotes) {
    this.gazetteer = gazetteer;
    this.recognizers = List.copyOf(recognizers);
    this.resolver = resolver;
    this.quotes = quotes;
  }

  /** The pipeline configured by {@code config}: gazetteer, person rules, the built-in model if any, and quote extraction. */
  public static Enricher load(ConfigDir config) {
    return load(config, true, true);
  }

  /**
   * The pipeline configured by {@code config}, with the statistical entity model only when
   * {@code entityModel} and quote extraction only when {@code quotes}.
   */
  public static Enricher load(ConfigDir config, boolean entityModel, boolean quotes) {
    Gazetteer gazetteer = Gazetteer.load(config);
    SpeechVerbs verbs = SpeechVerbs.load(config);
    PersonRules personRules = PersonRules.load(config);
    List<EntityRecognizer> recognizers = new ArrayList<>(List.of(
        new GazetteerRecognizer(gazetteer),
        new PersonRuleRecognizer(personRules, verbs)));
    // The statistical model finds names nobody listed; a build without the model runs without it.
    if (entityModel) {
      ModelEntityRecognizer.builtIn()
          .map(model -> model.filtering(personRules.keys(personRules.notNames()), personRules.keys(personRules.titles())))
          .ifPresent(recognizers::add);
    }
    QuoteExtractor extractor = quotes ? RuleQuoteExtractor.load(config, gazetteer, verbs) : (text, mentions) -> List.of();
    return new Enricher(gazetteer, recognizers, EntityResolver.of(personRules), extractor);
  }

  /** The gazetteer the pipeline tags with (the index derives query-time synonyms from it). */
  public Gazetteer gazetteer() {
    return gazetteer;
  }

  /**
   * Enriches one article. Every step reads the body as it reads ({@link Article#paragraphs()}:
   * wrapped lines rejoined, so a quote or a name broken across a line break is whole); what they
   * find is mapped back to offsets into the article's text.
   */
  public EnrichedArticle enrich(Article article) {
    Paragraphs body = article.paragraphs();
    String text = body.text();
    List<EntityMention> candidates = new ArrayList<>();
    for (EntityRecognizer r : recognizers) {
      candidates.addAll(r.recognize(text));
    }
    List<EntityMention> mentions = resolver.resolve(text, candidates);
    List<Quote> found = quotes.extract(text, mentions);
    SourceSpans spans = new SourceSpans(body, article.text());
    List<EntityMention> inText = spans.mentions(mentions);
    return new EnrichedArticle(article, inText, EntityResolver.group(inText), spans.quotes(found));
  }
}
