package org.steppe.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.steppe.enrich.EnrichedArticle;
import org.steppe.enrich.Entity;
import org.steppe.enrich.Quote;
import org.steppe.ingest.Article;
import org.steppe.ingest.Metadata;

/** Turns an enriched article into its Lucene documents: the article first, then one per quote. */
public final class DocumentBuilder {
  /** Text that is searched and highlighted: offsets in postings let the UnifiedHighlighter skip re-analysis. */
  static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

  static {
    HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED.freeze();
  }

  private final FacetsConfig facets;

  public DocumentBuilder(FacetsConfig facets) {
    this.facets = facets;
  }

  /** The facet dimensions and their settings, shared by the writer and the searcher. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : dims()) {
      config.setMultiValued(dim, true);
      // Filters drill down to a value, never to a whole dimension: the dimension's own term (one
      // more posting per value on every document) would serve no query (issue 16).
      config.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.FULL_PATH_ONLY);
    }
    return config;
  }

  /**
   * The term every article mentioning entity {@code name} as {@code type} carries: its facet
   * value's drill-down term, so "is X known as a person" needs no field of its own.
   *
   * @param name a name, not empty (no entity has an empty name; Lucene refuses an empty facet path)
   */
  public static Term entityTerm(String type, String name) {
    return DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, Fields.facetEntity(type), name);
  }

  /** Every facet dimension the index has. */
  public static List<String> dims() {
    List<String> dims = new ArrayList<>(List.of(Fields.FACET_SOURCE, Fields.FACET_SPEAKER, Fields.FACET_YEAR, Fields.FACET_MONTH));
    dims.addAll(Fields.entityFacets());
    return List.copyOf(dims);
  }

  /**
   * The documents of one article, ready for {@code IndexWriter.updateDocuments}.
   *
   * @param origin {@link Fields#ORIGIN_CORPUS} or {@link Fields#ORIGIN_CODE}
   */
  public List<Document> build(EnrichedArticle e, String fingerprint, String origin) throws java.io.IOException {
    Article a = e.article();
    List<Document> docs = new ArrayList<>();
    Document doc = new Document();
    common(doc, a, Fields.KIND_ARTICLE, a.id());
    doc.add(new StringField(Fields.FINGERPRINT, fingerprint, Field.Store.YES));
    doc.add(new StoredField(Fields.FILE, a.file()));
    doc.add(new StringField(Fields.ORIGIN, origin, Field.Store.YES));
    Metadata m = a.metadata();
    if (m.title() != null) {
      doc.add(new Field(Fields.TITLE, m.title(), HIGHLIGHTED));
    }
    doc.add(new Field(Fields.BODY, a.body(), HIGHLIGHTED));
    if (m.author() != null) {
      doc.add(new TextField(Fields.AUTHOR, m.author(), Field.Store.YES));
    }
    if (m.url() != null) {
      doc.add(new StoredField(Fields.URL, m.url()));
    }
    Set<String> types = new LinkedHashSet<>();
    for (Entity entity : e.entities()) {
      String type = entity.type().label();
      types.add(type);
      doc.add(new TextField(Fields.ENTITY, entity.name(), Field.Store.NO));
      doc.add(new StringField(Fields.ENTITY_EXACT, entity.name(), Field.Store.NO));
      // Typed: the facet value's drill-down term (entityTerm) says which types a name has.
      doc.add(new SortedSetDocValuesFacetField(Fields.facetEntity(type), entity.name()));
    }
    for (String type : types) {
      doc.add(new StringField(Fields.ENTITY_TYPE, type, Field.Store.NO));
    }
    Set<String> speakers = new LinkedHashSet<>();
    for (Quote q : e.quotes()) {
      if (q.speaker() != null) {
        speakers.add(q.speaker());
      }
    }
    for (String s : speakers) {
      speakerFields(doc, s);
    }
    doc.add(new StoredField(Fields.ENRICHMENT, StoredEnrichment.of(e).toJson()));
    docs.add(facets.build(doc));

    int n = 0;
    for (Quote q : e.quotes()) {
      Document qd = new Document();
      common(qd, a, Fields.KIND_QUOTE, a.id() + "#q" + (n++));
      qd.add(new Field(Fields.QUOTE, q.text(), HIGHLIGHTED));
      qd.add(new StringField(Fields.QUOTE_KIND, q.kind().label(), Field.Store.YES));
      if (m.title() != null) {
        qd.add(new StoredField(Fields.ARTICLE_TITLE, m.title()));
      }
      if (q.speaker() != null) {
        speakerFields(qd, q.speaker());
      }
      for (String band : QuoteShingles.bandKeys(q.text())) {
        qd.add(new StringField(Fields.QUOTE_BANDS, band, Field.Store.NO));
      }
      for (String name : QuoteAbout.names(e, q)) {
        qd.add(new StringField(Fields.ABOUT, name, Field.Store.YES));
      }
      if (q.speakerMention() != null) {
        qd.add(new StoredField(Fields.SPEAKER_MENTION, q.speakerMention().text()));
      }
      if (q.role() != null) {
        qd.add(new TextField(Fields.ROLE, q.role(), Field.Store.YES));
      }
      if (q.context() != null) {
        qd.add(new TextField(Fields.CONTEXT, q.context(), Field.Store.YES));
      }
      qd.add(new StoredField(Fields.QUOTE_START, q.start()));
      qd.add(new StoredField(Fields.QUOTE_END, q.end()));
      docs.add(facets.build(qd));
    }
    return docs;
  }

  private static void speakerFields(Document doc, String speaker) {
    doc.add(new TextField(Fields.SPEAKER, speaker, Field.Store.YES));
    doc.add(new StringField(Fields.SPEAKER_EXACT, speaker, Field.Store.NO));
    doc.add(new SortedSetDocValuesFacetField(Fields.FACET_SPEAKER, speaker));
  }

  /** Fields every document has, article or quote: ids, source and date for filters and facets. */
  private static void common(Document doc, Article a, String kind, String id) {
    // Keywords are terms only (StringField): filters and term lookups read no doc values, and doc
    // values on every document cost indexing time (issue 16). The id keeps them for sorting.
    doc.add(new StringField(Fields.KIND, kind, Field.Store.NO));
    doc.add(new KeywordField(Fields.ID, id, Field.Store.YES));
    doc.add(new StringField(Fields.ARTICLE_ID, a.id(), Field.Store.YES));
    Metadata m = a.metadata();
    if (m.source() != null) {
      doc.add(new TextField(Fields.SOURCE, m.source(), Field.Store.YES));
      doc.add(new StringField(Fields.SOURCE_EXACT, m.source(), Field.Store.NO));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_SOURCE, m.source()));
    }
    LocalDate date = m.date();
    if (date != null) {
      doc.add(new LongField(Fields.DATE, date.toEpochDay(), Field.Store.NO));
      doc.add(new StoredField(Fields.DATE, date.toString()));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_YEAR, String.valueOf(date.getYear())));
      doc.add(new SortedSetDocValuesFacetField(Fields.FACET_MONTH, date.toString().substring(0, 7)));
    }
  }
}
