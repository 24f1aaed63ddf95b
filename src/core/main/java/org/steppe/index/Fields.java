package org.steppe.index;

/**
 * Every field name of the index, in one place, with why it is indexed the way it is.
 *
 * <p>An article and its quotes are separate Lucene documents sharing {@link #ARTICLE_ID}, written
 * and replaced as one block so a reader never sees an article without its quotes.
 */
public final class Fields {
  private Fields() {}

  /**
   * "article" or "quote": lets one index serve both kinds of search. Keyword, not analysed.
   *
   * <p>Keywords of the Lucene index are terms without doc values ({@code StringField}) unless a
   * sort reads them (the id): nothing reads the others' doc values, and writing them for every
   * article and quote cost indexing time (issue 16).
   */
  public static final String KIND = "kind";
  public static final String KIND_ARTICLE = "article";
  public static final String KIND_QUOTE = "quote";

  /** The document's own id (article id, or article id + "#q" + n for a quote); unique, stored, doc values for sorting. */
  public static final String ID = "id";
  /** The article an article or quote document belongs to: the key for replacing both together. */
  public static final String ARTICLE_ID = "article_id";
  /** Source file relative to the corpus; stored for display and for `extract`-style output. */
  public static final String FILE = "file";
  /**
   * Where an article came from, {@link #ORIGIN_CORPUS} or {@link #ORIGIN_CODE}; keyword, stored: a
   * corpus run removes only corpus articles whose file is gone and never replaces an article from
   * code. Articles written before it was recorded count as corpus articles.
   */
  public static final String ORIGIN = "origin";
  public static final String ORIGIN_CORPUS = "corpus";
  public static final String ORIGIN_CODE = "code";
  /** Hash of the article's text, metadata and configuration: unchanged articles are skipped on re-index. */
  public static final String FINGERPRINT = "fingerprint";

  /** Analysed with positions and offsets, stored: searched, boosted and highlighted. */
  public static final String TITLE = "title";
  /** On a quote: its article's title, stored only (the article's own title field is indexed differently). */
  public static final String ARTICLE_TITLE = "article_title";
  /** The clean body: analysed with offsets in postings so the UnifiedHighlighter needs no re-analysis. */
  public static final String BODY = "body";

  /** Source, analysed, so `source:tengrinews` works as users type it. */
  public static final String SOURCE = "source";
  /** Source as one exact keyword: filters and the source facet. */
  public static final String SOURCE_EXACT = "source_exact";
  /** Author, analysed for `author:` queries, stored for display. */
  public static final String AUTHOR = "author";
  /** Original URL, stored only. */
  public static final String URL = "url";
  /** Publication date as epoch day: points for range filters, doc values for sorting. ISO string stored. */
  public static final String DATE = "date";
  /** Canonical entity names, analysed (with the synonyms) so `entity:nazarbaev` works. */
  public static final String ENTITY = "entity";
  /** Canonical entity names as exact keywords: filters. */
  public static final String ENTITY_EXACT = "entity_exact";
  /** Entity types present ("person", …): the entity-type filter. */
  public static final String ENTITY_TYPE = "entity_type";
  /**
   * OpenSearch index only: "type/Name" keywords, so a filter on an entity can also pin its type.
   * The Lucene index reads the same from the entity facet's drill-down terms ({@code DocumentBuilder.entityTerm}).
   */
  public static final String ENTITY_TYPED = "entity_typed";
  /** Stored JSON of the article's entities and quotes with offsets into the body: the article view. */
  public static final String ENRICHMENT = "enrichment";

  /** Quote text, analysed with offsets: quote search and highlighting. */
  public static final String QUOTE = "quote";
  /** direct, partial or indirect. */
  public static final String QUOTE_KIND = "quote_kind";
  /** Speaker's canonical name analysed, so `speaker:musinov` works; on articles, every speaker quoted. */
  public static final String SPEAKER = "speaker";
  /** Speaker as exact keyword: filters and the speaker facet. */
  public static final String SPEAKER_EXACT = "speaker_exact";
  /** Speaker's role, analysed and stored. */
  public static final String ROLE = "role";
  /** The sentence(s) around a quote, analysed and stored for display. */
  public static final String CONTEXT = "context";
  /** Offsets of a quote in the article's text, stored for linking back. */
  public static final String QUOTE_START = "quote_start";
  public static final String QUOTE_END = "quote_end";
  /**
   * On a quote: the canonical names of the entities its own words mention, exact keywords, stored:
   * "quotes about X" filters on it, and a speaker's page counts it.
   */
  public static final String ABOUT = "about";
  /** On a quote: how the text names its speaker there ("Nazarbaev", or a pronoun), stored only: a speaker's spellings. */
  public static final String SPEAKER_MENTION = "speaker_mention";
  /**
   * On a quote: MinHash band keys of its normalised words (index.QuoteShingles), exact keywords,
   * not stored: the same quotation reported by other articles is found by a shared key, at search
   * time, so what is a duplicate always reflects the index as it is now (re-indexing, removals).
   */
  public static final String QUOTE_BANDS = "quote_bands";
  /** OpenSearch index only: an article's number of quotes, so re-indexing it deletes the quotes it no longer has. */
  public static final String QUOTE_COUNT = "quote_count";

  /** Facet dimensions (SortedSetDocValues facets, no taxonomy index to keep in step). */
  public static final String FACET_SOURCE = "source";
  public static final String FACET_SPEAKER = "speaker";
  public static final String FACET_YEAR = "year";
  public static final String FACET_MONTH = "month";
  /** One entity facet dimension per type: "entity.person", "entity.organization", … */
  public static String facetEntity(String type) {
    return "entity." + type;
  }

  /** Every entity facet dimension, one per {@link org.steppe.enrich.EntityType}, in its order. */
  public static java.util.List<String> entityFacets() {
    return java.util.Arrays.stream(org.steppe.enrich.EntityType.values()).map(t -> facetEntity(t.label())).toList();
  }

  /** Shown for a missing source or date; never stored, so filters on "unknown" are explicit. */
  public static final String UNKNOWN = "unknown";
}
