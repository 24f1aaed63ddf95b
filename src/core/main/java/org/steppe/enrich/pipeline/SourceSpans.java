package org.steppe.enrich.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Mention;
import org.steppe.enrich.Quote;
import org.steppe.ingest.Paragraphs;

/**
 * Maps what enrichment found in an article's body ({@link Paragraphs#text()}) back to offsets into
 * the article's text, so that {@code text.substring(start, end)} is each mention as written there.
 * Quote words and contexts stay as the body reads them (wrapped lines joined).
 */
final class SourceSpans {
  private final Paragraphs body;
  private final String source;

  SourceSpans(Paragraphs body, String source) {
    this.body = body;
    this.source = source;
  }

  /** The mentions with offsets into the text, and the text's words at those offsets. */
  List<EntityMention> mentions(List<EntityMention> inBody) {
    List<EntityMention> out = new ArrayList<>(inBody.size());
    for (EntityMention m : inBody) {
      int[] s = body.toSource(m.start(), m.end());
      out.add(new EntityMention(m.name(), m.type(), s[0], s[1], source.substring(s[0], s[1]), m.origin()));
    }
    return out;
  }

  /** The quotes with offsets into the text; their words and contexts as the body reads them. */
  List<Quote> quotes(List<Quote> inBody) {
    List<Quote> out = new ArrayList<>(inBody.size());
    for (Quote q : inBody) {
      int[] s = body.toSource(q.start(), q.end());
      Mention sm = q.speakerMention();
      if (sm != null) {
        int[] m = body.toSource(sm.start(), sm.end());
        sm = new Mention(m[0], m[1], source.substring(m[0], m[1]));
      }
      out.add(new Quote(q.text(), s[0], s[1], q.kind(), q.speaker(), q.role(), sm, q.context()));
    }
    return out;
  }
}
