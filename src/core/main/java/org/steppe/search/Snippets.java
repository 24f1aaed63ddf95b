package org.steppe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.steppe.index.Fields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted snippets: sentence-bounded passages, HTML-escaped, matches in {@code <mark>}. When
 * nothing in a field matched (a filter-only search), the field's first sentence stands in.
 */
final class Snippets {
  private static final int PASSAGES = 2;

  private Snippets() {}

  /**
   * One snippet per hit of {@code top} from {@code field}; entries may be {@code null}. The text
   * comes from the caller, who has read the stored documents ({@code textByDoc}: document id to
   * text), so the highlighter does not read them again.
   */
  static String[] highlight(IndexSearcher searcher, Analyzer analyzer, String field, Query query, TopDocs top,
      Map<Integer, String> textByDoc) throws IOException {
    UnifiedHighlighter.Builder settings = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH))
        .withMaxLength(200_000)
        .withMaxNoHighlightPassages(1)
        .withScorer(new PassageScores())
        // A one-word query needs no per-document query weight: the highlighter then reads the word's
        // offsets from the postings directly, where weight matching would rewrite the query and build
        // its weight again for every hit. Same snippets (checked on Reuters-21578); with several words
        // the two ways weigh passages differently, so those keep weight matching, as does anything
        // positional or expanding (phrases, wildcards), which must highlight only what really matched.
        .withWeightMatches(!oneWord(query));
    UnifiedHighlighter fromText = new UnifiedHighlighter(settings) {
      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = nextDoc(docs); doc != DocIdSetIterator.NO_MORE_DOCS; doc = nextDoc(docs)) {
          CharSequence[] values = new CharSequence[fields.length];
          for (int f = 0; f < fields.length; f++) {
            values[f] = fields[f].equals(field) ? textByDoc.getOrDefault(doc, "") : "";
          }
          out.add(values);
        }
        return out;
      }
    };
    return fromText.highlight(field, query, top, PASSAGES);
  }

  /**
   * One snippet per document of {@code docs} from {@code field}, for documents that are not in this
   * process's index (another engine's hits): the documents' text fields are indexed in memory with
   * the index chain ({@code indexAnalyzer}), offsets in postings as in the real index, and highlighted
   * exactly as {@link #highlight} highlights the real index's hits.
   *
   * @param docs each document's text fields by name, several values for a field with several (and its kind and id)
   */
  static String[] highlightStored(Analyzer indexAnalyzer, Analyzer queryAnalyzer, String field, Query query,
      List<Map<String, List<String>>> docs) throws IOException {
    FieldType offsets = new FieldType(TextField.TYPE_NOT_STORED);
    offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    offsets.freeze();
    try (Directory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(indexAnalyzer))) {
      Map<Integer, String> texts = new java.util.HashMap<>();
      for (int i = 0; i < docs.size(); i++) {
        Document d = new Document();
        // Kind and id as the index holds them, for queries that filter on them (more-like-this): a
        // highlighter weighing matches highlights only what the whole query matches.
        docs.get(i).forEach((name, values) -> values.forEach(v -> d.add(name.equals(Fields.KIND) || name.equals(Fields.ID)
            ? new org.apache.lucene.document.StringField(name, v, Field.Store.NO) : new Field(name, v, offsets))));
        writer.addDocument(d);
        List<String> own = docs.get(i).getOrDefault(field, List.of());
        texts.put(i, own.isEmpty() ? "" : own.get(0));
      }
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        ScoreDoc[] all = new ScoreDoc[docs.size()];
        for (int i = 0; i < all.length; i++) {
          all[i] = new ScoreDoc(i, 1f);
        }
        TopDocs top = new TopDocs(new TotalHits(all.length, TotalHits.Relation.EQUAL_TO), all);
        return highlight(new IndexSearcher(reader), queryAnalyzer, field, query, top, texts);
      }
    }
  }

  /**
   * Lucene's passage score (BM25 over the passage's words, times its position's norm), computed
   * without the hash of terms the stock scorer allocates for every passage (a 32 KB block each,
   * the largest allocation of a search's highlighting). Same words in the same order, so the same
   * sum: a passage has a handful of matches, compared pairwise.
   */
  static final class PassageScores extends org.apache.lucene.search.uhighlight.PassageScorer {
    @Override
    public float score(org.apache.lucene.search.uhighlight.Passage passage, int contentLength) {
      int n = passage.getNumMatches();
      org.apache.lucene.util.BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      double sum = 0d;
      for (int i = 0; i < n; i++) {
        boolean seen = false;
        for (int j = 0; j < i && !seen; j++) {
          seen = terms[j].equals(terms[i]);
        }
        if (seen) {
          continue;
        }
        int inPassage = 1;
        for (int j = i + 1; j < n; j++) {
          inPassage += terms[j].equals(terms[i]) ? 1 : 0;
        }
        sum += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
      }
      return (float) (sum * norm(passage.getStartOffset()));
    }
  }

  /**
   * Whether {@code query} asks for one word: built only of term and combined-field queries (in any
   * boolean, disjunction or boost) of the same text, so that the word alone says what to highlight.
   */
  static boolean oneWord(Query query) {
    boolean[] other = {false};
    java.util.Set<org.apache.lucene.util.BytesRef> words = new java.util.HashSet<>();
    query.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public org.apache.lucene.search.QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        // Excluded words are never highlighted, in either way of matching.
        return occur == org.apache.lucene.search.BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
      }

      @Override
      public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
        other[0] |= !(q instanceof org.apache.lucene.search.TermQuery || q instanceof org.apache.lucene.search.CombinedFieldQuery);
        for (org.apache.lucene.index.Term t : terms) {
          words.add(t.bytes());
        }
      }

      @Override
      public void consumeTermsMatching(Query q, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        other[0] = true;
      }

      @Override
      public void visitLeaf(Query q) {
        other[0] = true;
      }
    });
    return !other[0] && words.size() == 1;
  }

  private static int nextDoc(DocIdSetIterator docs) {
    try {
      return docs.nextDoc();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the highlighter's iterator is over an array: never thrown
    }
  }

  /** HTML-escapes plain text for places a snippet is expected but nothing was highlighted. */
  static String escape(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#x27;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
