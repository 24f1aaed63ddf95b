package org.steppe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
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
        .withMaxNoHighlightPassages(1);
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
