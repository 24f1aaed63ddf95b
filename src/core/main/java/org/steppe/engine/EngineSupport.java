package org.steppe.engine;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.search.Query;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.index.ArticleStore;
import org.steppe.index.IndexSetup;
import org.steppe.search.ArticleInput;
import org.steppe.search.ArticleView;
import org.steppe.search.FacetValue;
import org.steppe.search.IndexProgress;
import org.steppe.search.IndexSummary;
import org.steppe.search.QuoteHit;
import org.steppe.search.RemovalLimit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SortOrder;
import org.steppe.search.SteppeConfig;
import org.steppe.search.Suggestion;

/**
 * What a second engine shares with the embedded one, so that both read a request, enrich an
 * article, sync a corpus and word their answers the same way: for Steppe's own engine modules
 * (the OpenSearch backend, {@code org.steppe.opensearch}).
 *
 * <p><b>Internal, not for embedding programs:</b> it hands out Steppe's internal types and may change
 * in any version. An engine built on it still proves itself with the conformance suite.
 *
 * <p>The work is done by the embedded engine's own package-private classes in {@code org.steppe.search}
 * (the query parser, the highlighter, the suggesters, the corpus sync); {@link Internals} is how they
 * reach this package without a public class of the API package naming internal types. The embedded
 * engine's implementation is looked up once, by name, the first time this class is used.
 */
public final class EngineSupport {
  /** The embedded engine's implementation, in {@code org.steppe.search}. */
  private static final Internals INTERNALS = embedded();

  private EngineSupport() {}

  /**
   * What the embedded engine lends a second engine; implemented once, package-private, in
   * {@code org.steppe.search}. Each method is documented on the static method of the same name.
   */
  public interface Internals {
    /** @see EngineSupport#setup */
    IndexSetup setup(SteppeConfig config);

    /** @see EngineSupport#reading */
    Reading reading(IndexSetup setup);

    /** @see EngineSupport#enrich */
    EnrichedArticle enrich(IndexSetup setup, ArticleInput input);

    /** @see EngineSupport#syncCorpus */
    IndexSummary syncCorpus(ArticleStore store, Path corpus, IndexProgress progress, RemovalLimit limit) throws IOException;

    /** @see EngineSupport#view */
    ArticleView view(Function<String, String> stored);

    /** @see EngineSupport#escape */
    String escape(String text);

    /** @see EngineSupport#repeats */
    java.util.Map<Integer, Integer> repeats(List<Function<String, String>> hits);

    /** @see EngineSupport#closeness */
    float closeness(String written, String typed);

    /** @see EngineSupport#withoutPossessive */
    String withoutPossessive(String written);
  }

  // The implementation is package-private so that the API package shows no internal type; both
  // classes are in the same module (jar), so reflective access to it is always allowed.
  private static Internals embedded() {
    try {
      var c = Class.forName("org.steppe.search.EngineInternals").getDeclaredConstructor();
      c.setAccessible(true);
      return (Internals) c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("steppe-core is incomplete: no embedded engine", e);
    }
  }

  /**
   * Everything a configuration loads: the cleaner, the enrichment, the analysis, the stop words.
   *
   * @param config the configuration
   * @return what it loaded
   */
  public static IndexSetup setup(SteppeConfig config) {
    return INTERNALS.setup(config);
  }

  /**
   * How the embedded engine reads requests under {@code setup}, for another engine to run.
   *
   * @param setup what the index is analysed with
   * @return the reader of requests, to close after use
   */
  public static Reading reading(IndexSetup setup) {
    return INTERNALS.reading(setup);
  }

  /**
   * An article given in code as the pipeline's enriched article: cleaned like a corpus file, then
   * enriched, or with the entities and quotes it gives.
   *
   * @param setup the configuration's cleaner and enrichment
   * @param input the article
   * @return the enriched article
   */
  public static EnrichedArticle enrich(IndexSetup setup, ArticleInput input) {
    return INTERNALS.enrich(setup, input);
  }

  /**
   * Brings {@code store} in line with a corpus folder exactly as {@link SteppeWriter#indexCorpus}
   * does for the embedded index, the removal limit included.
   *
   * @param store where the articles go
   * @param corpus the folder of article files
   * @param progress told of each file; {@code null} for none
   * @param limit the largest share of the corpus's articles the run may remove; {@code null} for the default
   * @return what the run did
   * @throws IOException when the corpus folder cannot be read or the store cannot be written
   */
  public static IndexSummary syncCorpus(ArticleStore store, Path corpus, IndexProgress progress, RemovalLimit limit)
      throws IOException {
    return INTERNALS.syncCorpus(store, corpus, progress, limit);
  }

  /**
   * A stored article as the API shows it.
   *
   * @param stored the value of each stored field of the article's document, by field name ({@code null} when absent)
   * @return the article
   */
  public static ArticleView view(Function<String, String> stored) {
    return INTERNALS.view(stored);
  }

  /**
   * Plain text as HTML, escaped as the embedded engine's snippets escape it.
   *
   * @param text plain text, or {@code null}
   * @return the escaped text, or {@code null}
   */
  public static String escape(String text) {
    return INTERNALS.escape(text);
  }

  /**
   * The repeats among one page of article hits, as the embedded engine folds them
   * ({@link SearchRequest#groupSimilar}): for each hit that repeats a better-ranked one, that one's place.
   *
   * @param hits each hit's stored fields by name (title and body are read), in rank order
   * @return the place of each repeat's leader by the repeat's place; hits that repeat nothing are absent
   */
  public static java.util.Map<Integer, Integer> repeats(List<Function<String, String>> hits) {
    return INTERNALS.repeats(hits);
  }

  /**
   * How close a word written in an article is to what was typed (1: the same), as did-you-mean picks written forms.
   *
   * @param written as an article writes it
   * @param typed as typed
   * @return the closeness, 0 to 1
   */
  public static float closeness(String written, String typed) {
    return INTERNALS.closeness(written, typed);
  }

  /**
   * A written form without its possessive ("Kazakstan's" is "Kazakstan").
   *
   * @param written as an article writes it
   * @return the word alone
   */
  public static String withoutPossessive(String written) {
    return INTERNALS.withoutPossessive(written);
  }

  /**
   * A search's text as the embedded engine reads it.
   *
   * @param query the Lucene query to score and highlight with (Lucene's own classes: terms as analysed)
   * @param notice what lenient reading changed, or {@code null} when the text was read as written
   * @param matchesAll whether nothing was left to rank by (every article matches): relevance then means newest first
   */
  public record Text(Query query, String notice, boolean matchesAll) {
    /**
     * The order hits come in: as asked, except that relevance with nothing to rank by is newest first, as a news page opens.
     *
     * @param asked the order the request asked for
     * @return the order to sort the hits in
     */
    public SortOrder order(SortOrder asked) {
      return matchesAll && asked == SortOrder.RELEVANCE ? SortOrder.NEWEST : asked;
    }
  }

  /**
   * Another index's statistics for a query made here: how many documents have each field asked, and hold each term asked.
   *
   * @param docCounts per field, how many documents have it
   * @param docFreqs per term, how many documents hold it
   */
  public record Counts(java.util.Map<String, Integer> docCounts, java.util.Map<org.apache.lucene.index.Term, Integer> docFreqs) {}

  /** Counts terms in another engine's index. */
  @FunctionalInterface
  public interface TermCounts {
    /**
     * How many of the index's live documents have each field, and hold each term.
     *
     * @param fields the fields
     * @param terms the terms (field and indexed text)
     * @return the counts
     * @throws IOException when the index cannot be asked
     */
    Counts count(java.util.Set<String> fields, java.util.Set<org.apache.lucene.index.Term> terms) throws IOException;
  }

  /** The names another engine's index holds, for the "about" filter to resolve what was typed against. */
  public interface IndexedNames {
    /**
     * Calls {@code visit} with every name in {@code field} and the number of documents holding it, in term (byte) order.
     *
     * @param field {@code about} (quotes) or {@code entity_exact} (articles)
     * @param visit told of each name
     * @throws IOException when the index cannot be read
     */
    void forEach(String field, NameVisitor visit) throws IOException;

    /**
     * Whether the index tags {@code name} as a person anywhere.
     *
     * @param name a canonical name
     * @return whether it is a person's
     * @throws IOException when the index cannot be read
     */
    boolean isPerson(String name) throws IOException;
  }

  /** Counts a search's hits with its speaker filter replaced by one name. */
  @FunctionalInterface
  public interface SpeakerCount {
    /**
     * The count.
     *
     * @param speaker the speaker name
     * @return the hits
     * @throws IOException when the index cannot be asked
     */
    long count(String speaker) throws IOException;
  }

  /** Told of one name an index holds. */
  @FunctionalInterface
  public interface NameVisitor {
    /**
     * One name.
     *
     * @param name the name as indexed
     * @param docFreq how many documents hold it
     * @throws IOException when the index cannot be read
     */
    void accept(String name, int docFreq) throws IOException;
  }

  /**
   * A name an index holds, the kind it is suggested as, and how many articles mention (or quote) it.
   *
   * @param name the name as the index holds it
   * @param kind what it is suggested as
   * @param articles how many articles mention (or quote) it
   */
  public record NameCount(String name, Suggestion.Kind kind, long articles) {}

  /** The names an engine's index holds: entities type by type ({@link EntityType} order), then speakers. */
  @FunctionalInterface
  public interface NameSource {
    /**
     * Every name with its article count.
     *
     * @return the names
     * @throws IOException when the index cannot be read
     */
    List<NameCount> names() throws IOException;
  }

  /** The words an engine's index holds, as did-you-mean asks about them. */
  public interface Lexicon {
    /**
     * Whether any of a word's query tokens (synonyms included) is in the body, title or entity names.
     *
     * @param queryTokens the word as the query chain analyses it
     * @return whether the index knows it
     * @throws IOException when the index cannot be read
     */
    boolean knows(List<String> queryTokens) throws IOException;

    /**
     * The indexed term nearest to {@code stem} in the body, title or entity names: Lucene's direct
     * spell checker's settings and order (score, then frequency).
     *
     * @param stem the word as the index chain analyses it
     * @return the nearest term, or {@code null}
     * @throws IOException when the index cannot be read
     */
    String nearest(String stem) throws IOException;

    /**
     * How articles write the indexed term {@code stem}, of their spellings the one nearest to {@code typed}.
     *
     * @param stem an indexed term
     * @param typed what was typed
     * @return the written form, or {@code stem} when none can be read back
     * @throws IOException when the index cannot be read
     */
    String writtenForm(String stem, String typed) throws IOException;
  }

  /** Counts the hits of a query text under the original request's filters. */
  @FunctionalInterface
  public interface HitCounter {
    /**
     * The number of hits.
     *
     * @param query the query text
     * @return how many hits it has
     * @throws IOException when the index cannot be read
     */
    long count(String query) throws IOException;
  }

  /** How the embedded engine reads requests and words its suggestions, for another engine to run. Thread-safe. */
  public interface Reading extends Closeable {
    /**
     * The scoring part of a request: its text parsed, with the limits checked.
     *
     * @param request the request
     * @param quotes whether quotes are searched (their own fields and weights) rather than articles
     * @return the query and what lenient reading changed
     * @throws org.steppe.search.QuerySyntaxException when the text cannot be read or breaks a limit
     */
    Text text(SearchRequest request, boolean quotes);

    /**
     * Snippets of another engine's hits, exactly as the embedded engine highlights its own: the
     * hits' text fields are analysed here with the index chain and highlighted with {@code query}.
     *
     * @param field the field the snippets come from ({@code body} for articles, {@code quote} for quotes)
     * @param query the search's text query, as {@link #text} made it
     * @param docs each hit's text fields by name (several values for a field with several), in hit order
     * @return one snippet per hit, HTML-escaped with matches in {@code <mark>}; an entry is {@code null} when the hit has no such text
     * @throws IOException when the text cannot be analysed
     */
    String[] snippets(String field, Query query, List<java.util.Map<String, List<String>>> docs) throws IOException;

    /**
     * A speaker or entity filter's value as the index holds it: the canonical name of any spelling the gazetteer knows.
     *
     * @param value as typed
     * @return the canonical name, or the value as typed
     */
    String canonical(String value);

    /**
     * Did-you-mean: {@code query}, which found {@code hits}, with its unknown words corrected.
     *
     * @param lexicon the engine's words
     * @param query the query text
     * @param hits how many hits it found
     * @param counter counts a corrected query's hits
     * @return the corrected query when it finds more, else {@code null}
     * @throws IOException when the index cannot be read
     */
    String didYouMean(Lexicon lexicon, String query, long hits, HitCounter counter) throws IOException;

    /**
     * Autocomplete over names, from the names of {@code source} as of {@code version}.
     *
     * @param version the index's version; a newer one than last time rebuilds the suggester
     * @param source the names and their counts, asked for only on a rebuild
     * @param prefix what was typed
     * @param limit at most this many
     * @return the names, most mentioned first
     * @throws IOException when the names cannot be read
     */
    List<Suggestion> names(long version, NameSource source, String prefix, int limit) throws IOException;

    /**
     * The query for articles whose titles complete {@code prefix}, best first.
     *
     * @param prefix what was typed
     * @return the query, or {@code null} when the typed words restrict nothing
     * @throws IOException when the text cannot be analysed
     */
    Query titleQuery(String prefix) throws IOException;

    /**
     * Title suggestions from the titles of {@link #titleQuery}'s hits, in order.
     *
     * @param hitTitles the hits' titles ({@code null} for none)
     * @param limit at most this many
     * @return the different titles
     */
    List<Suggestion> titles(List<String> hitTitles, int limit);

    /**
     * Names first, then titles, with at least a third of the places for titles when there are enough.
     *
     * @param byName name suggestions
     * @param byTitle title suggestions
     * @param limit at most this many
     * @return the suggestions to show
     */
    List<Suggestion> interleave(List<Suggestion> byName, List<Suggestion> byTitle, int limit);

    /**
     * The "about" filter of a request as the embedded engine makes it (every name typed, in any
     * spelling, resolved against the names the index holds), or {@code null} when it has none.
     *
     * @param request the request
     * @param quotes whether quotes are searched (their {@code about} names) or articles (their entities)
     * @param names the names the other engine's index holds
     * @return the filter query, or {@code null}
     * @throws IOException when the names cannot be read
     */
    Query about(SearchRequest request, boolean quotes, IndexedNames names) throws IOException;

    /**
     * The speaker values a speaker filter on {@code typed} keeps, as the embedded engine reads it:
     * its canonical name and every other spelling the index has for that speaker ("Volcker", "Paul Volcker").
     *
     * @param speakerValues every speaker value the index holds, in term order
     * @param typed the filter's value
     * @return the values, the canonical name first
     */
    java.util.Set<String> speakerSpellings(List<String> speakerValues, String typed);

    /**
     * The speaker facet with every spelling of one speaker as one value under its full name, counted
     * as a speaker filter on that name counts, as the embedded engine shows it.
     *
     * @param values the speaker facet as counted value by value
     * @param speakerValues every speaker value the index holds, in term order
     * @param count the hits of the search with its speaker filter replaced by one name
     * @return the merged facet
     * @throws IOException when a count fails
     */
    List<FacetValue> speakersAsOne(List<FacetValue> values, List<String> speakerValues, SpeakerCount count) throws IOException;

    /**
     * The query for the quotes of other articles that may report the same quotation as a quote
     * with {@code text} in article {@code articleId}, best first; read its first {@link #reportCandidates()} hits.
     *
     * @param text the quote's words
     * @param articleId its article
     * @return the query, or {@code null} when the words are too few to compare
     */
    Query reportQuery(String text, String articleId);

    /**
     * How many hits of {@link #reportQuery} are read.
     *
     * @return the number of candidates
     */
    int reportCandidates();

    /**
     * The other articles reporting a quote, as the embedded engine lists them.
     *
     * @param text the quote's words
     * @param speaker its speaker, or {@code null}
     * @param candidates the stored fields of {@link #reportQuery}'s hits, best first (id, quote, speaker, article id and title, source, date)
     * @return the reports, oldest first, one per article
     */
    List<QuoteHit.Report> reports(String text, String speaker, List<Function<String, String>> candidates);

    /**
     * The query for articles like {@code article}, exactly as the embedded engine makes it (its
     * fields, weights, stop words and most telling terms), with another index's statistics.
     *
     * @param article the article's stored fields by name (id, title, body, source, enrichment)
     * @param counts the other index's field document counts and term document frequencies, asked once for every term weighed
     * @return the query
     * @throws IOException when the text cannot be analysed or the counts cannot be had
     */
    Query similarQuery(Function<String, String> article, TermCounts counts) throws IOException;

    /** Closes the name suggester. */
    @Override
    void close() throws IOException;
  }
}
