package org.steppe.search;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.search.Query;
import org.steppe.engine.EngineSupport;
import org.steppe.engine.EngineSupport.Counts;
import org.steppe.engine.EngineSupport.HitCounter;
import org.steppe.engine.EngineSupport.IndexedNames;
import org.steppe.engine.EngineSupport.Lexicon;
import org.steppe.engine.EngineSupport.NameSource;
import org.steppe.engine.EngineSupport.SpeakerCount;
import org.steppe.engine.EngineSupport.TermCounts;
import org.steppe.engine.EngineSupport.Text;
import org.steppe.index.DocumentBuilder;
import org.steppe.index.Fields;
import org.steppe.index.IndexSetup;

/** The embedded engine's reading of requests and wording of suggestions, lent to a second engine ({@link EngineSupport#reading}). */
final class EngineReading implements EngineSupport.Reading {
  private final QueryFactory queries;
  private final SpellingCorrector spelling;
  private final Suggestions names;
  private final TitleSuggestions titles;
  private final SimilarArticles similar;
  private final AboutFilter about;
  private final org.apache.lucene.analysis.Analyzer indexAnalyzer;
  private final org.apache.lucene.analysis.Analyzer queryAnalyzer;


  EngineReading(IndexSetup setup) {
    this.indexAnalyzer = setup.analysis().indexAnalyzer();
    this.queryAnalyzer = setup.analysis().queryAnalyzer();
    this.similar = new SimilarArticles(setup.analysis().indexAnalyzer(), setup.stopWords());
    this.about = new AboutFilter(setup.enricher().gazetteer());
    this.queries = new QueryFactory(setup.analysis().queryAnalyzer(), new org.apache.lucene.analysis.CharArraySet(setup.stopWords(), true),
        DocumentBuilder.facetsConfig(), setup.enricher().gazetteer());
    this.spelling = new SpellingCorrector(setup.analysis().indexAnalyzer(), setup.analysis().queryAnalyzer());
    this.names = new Suggestions(setup.enricher().gazetteer(), Suggestions.wordsAsTyped());
    this.titles = new TitleSuggestions(setup.analysis().indexAnalyzer(), Suggestions.wordsAsTyped());
  }

  @Override
  public Text text(SearchRequest request, boolean quotes) {
    QueryFactory.TextQuery t = queries.text(request, quotes);
    return new Text(t.query(), t.notice(), t.matchesAll());
  }

  @Override
  public String[] snippets(String field, Query query, List<java.util.Map<String, List<String>>> docs) throws IOException {
    return Snippets.highlightStored(indexAnalyzer, queryAnalyzer, field, query, docs);
  }

  @Override
  public String canonical(String value) {
    return queries.canonical(value);
  }

  @Override
  public String didYouMean(Lexicon lexicon, String query, long hits, HitCounter counter) throws IOException {
    SpellingCorrector.Lexicon words = new SpellingCorrector.Lexicon() {
      @Override
      public boolean knows(List<String> queryTokens) throws IOException {
        return lexicon.knows(queryTokens);
      }

      @Override
      public String nearest(String stem) throws IOException {
        return lexicon.nearest(stem);
      }

      @Override
      public String writtenForm(String stem, String typed) throws IOException {
        return lexicon.writtenForm(stem, typed);
      }
    };
    return spelling.correct(words, query, hits, counter::count);
  }

  @Override
  public List<Suggestion> names(long version, NameSource source, String prefix, int limit) throws IOException {
    return names.names(version, source, prefix, limit);
  }

  @Override
  public Query titleQuery(String prefix) throws IOException {
    return titles.query(prefix);
  }

  @Override
  public List<Suggestion> titles(List<String> hitTitles, int limit) {
    return TitleSuggestions.distinct(hitTitles, limit);
  }

  @Override
  public List<Suggestion> interleave(List<Suggestion> byName, List<Suggestion> byTitle, int limit) {
    return LuceneSearch.interleave(byName, byTitle, limit);
  }

  @Override
  public Query about(SearchRequest request, boolean quotes, IndexedNames names) throws IOException {
    return request.about().isEmpty() ? null : about.filter(request.about(), quotes, names);
  }

  @Override
  public java.util.Set<String> speakerSpellings(List<String> speakerValues, String typed) {
    return SpeakerSpellings.of(speakerValues, canonical(typed));
  }

  @Override
  public List<FacetValue> speakersAsOne(List<FacetValue> values, List<String> speakerValues, SpeakerCount count) throws IOException {
    return SpeakerSpellings.asOne(values, v -> SpeakerSpellings.of(speakerValues, v), count::count);
  }

  @Override
  public Query reportQuery(String text, String articleId) {
    return ReportedBy.candidates(text, articleId);
  }

  @Override
  public int reportCandidates() {
    return ReportedBy.CANDIDATES;
  }

  @Override
  public List<QuoteHit.Report> reports(String text, String speaker, List<Function<String, String>> candidates) {
    return ReportedBy.confirmed(text, speaker, candidates);
  }

  @Override
  public Query similarQuery(Function<String, String> article, TermCounts counts) throws IOException {
    org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
    for (String f : List.of(Fields.ID, Fields.TITLE, Fields.BODY, Fields.SOURCE, Fields.ENRICHMENT)) {
      String v = article.apply(f);
      if (v != null) {
        d.add(new org.apache.lucene.document.StoredField(f, v));
      }
    }
    // First pass: which terms the query would weigh; second: the query, weighed with their counts.
    StatisticsReader asked = new StatisticsReader(java.util.Map.of(), java.util.Map.of());
    similar.likeThis(asked, d);
    Counts c = counts.count(asked.askedFields(), asked.askedTerms());
    return similar.likeThis(new StatisticsReader(c.docCounts(), c.docFreqs()), d);
  }

  @Override
  public void close() throws IOException {
    names.close();
  }
}
