package org.steppe.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
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

  /** One snippet per hit of {@code top} from {@code field}; entries may be {@code null}. */
  static String[] highlight(IndexSearcher searcher, Analyzer analyzer, String field, Query query, TopDocs top)
      throws IOException {
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
        .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ENGLISH))
        .withMaxLength(200_000)
        .withMaxNoHighlightPassages(1)
        .build();
    return highlighter.highlight(field, query, top, PASSAGES);
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
