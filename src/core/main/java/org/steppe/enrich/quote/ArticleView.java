package org.steppe.enrich.quote;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.steppe.enrich.EntityMention;
import org.steppe.enrich.Token;

/**
 * One article as quote extraction reads it: its words, sentences, quoted stretches and resolved
 * entity mentions, with lookups by offset. Built per call, so never shared between threads.
 */
final class ArticleView {
  /** The text as analysed: no-break spaces read as spaces. */
  final String text;
  /** The text as given, for what is shown (quote words, speaker mentions). */
  final String original;
  final List<Token> tokens;
  final List<EntityMention> entities;
  final List<QuoteSpan> spans;
  final Sentences sentences;
  /** Keys of the words the article writes in lower case somewhere: "Many" or "Likewise" opening a sentence is no name. */
  final java.util.Set<String> lowerCaseKeys;
  private final int[] tokenStarts;
  private final int[] entityStarts;

  /** @param text the article's text; no-break spaces are read as spaces (same length, so offsets hold) */
  ArticleView(String text, List<EntityMention> entities, List<QuoteSpan> spans, Sentences sentences) {
    this(text, Token.tokenize(text), entities, spans, sentences);
  }

  private ArticleView(String text, List<Token> tokens, List<EntityMention> entities, List<QuoteSpan> spans, Sentences sentences) {
    this.original = text;
    this.text = text.replace('\u00A0', ' ');
    this.tokens = tokens;
    List<EntityMention> sorted = new ArrayList<>(entities);
    sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
    this.entities = Collections.unmodifiableList(sorted);
    this.spans = spans;
    this.sentences = sentences;
    this.tokenStarts = tokens.stream().mapToInt(Token::start).toArray();
    java.util.Set<String> lower = new java.util.HashSet<>();
    for (Token t : tokens) {
      if (Character.isLowerCase(t.text().charAt(0))) {
        lower.add(t.key());
      }
    }
    this.lowerCaseKeys = lower;
    this.entityStarts = sorted.stream().mapToInt(EntityMention::start).toArray();
  }

  /** The same article with {@code extra} mentions added to the resolved ones. */
  ArticleView plus(List<EntityMention> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    List<EntityMention> all = new ArrayList<>(entities);
    all.addAll(extra);
    return new ArticleView(original, tokens, all, spans, sentences);
  }

  /** Index of the first token starting at or after {@code offset} ({@code tokens.size()} when none). */
  int tokenFrom(int offset) {
    return lowerBound(tokenStarts, offset);
  }

  /** The tokens lying wholly in {@code [from, to)}. */
  List<Token> tokensIn(int from, int to) {
    int a = tokenFrom(from);
    int b = a;
    while (b < tokens.size() && tokens.get(b).end() <= to) {
      b++;
    }
    return tokens.subList(a, b);
  }

  /** The entity mentions lying wholly in {@code [from, to)}, in text order. */
  List<EntityMention> entitiesIn(int from, int to) {
    int a = lowerBound(entityStarts, from);
    List<EntityMention> out = new ArrayList<>();
    for (int k = a; k < entities.size() && entities.get(k).start() < to; k++) {
      if (entities.get(k).end() <= to) {
        out.add(entities.get(k));
      }
    }
    return out;
  }

  /** The entity mention starting exactly at {@code offset}, or null. */
  EntityMention entityAt(int offset) {
    int k = lowerBound(entityStarts, offset);
    return k < entities.size() && entities.get(k).start() == offset ? entities.get(k) : null;
  }

  /** Index of the quoted span holding {@code offset} between its marks, or -1. */
  int spanAt(int offset) {
    int lo = 0;
    int hi = spans.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      QuoteSpan s = spans.get(mid);
      if (offset < s.open()) {
        hi = mid - 1;
      } else if (offset >= s.close()) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Index of the first quoted span that closes after {@code offset} ({@code spans.size()} when none). */
  int firstSpanClosingAfter(int offset) {
    int lo = 0;
    int hi = spans.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid).close() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether {@code offset} lies inside quotation marks. */
  boolean quoted(int offset) {
    return spanAt(offset) >= 0;
  }

  /** The end of the paragraph holding {@code offset}, looking no further than {@code limit}. */
  int paragraphEnd(int offset, int limit) {
    int end = Math.min(limit, text.length());
    for (int i = offset; i < end; i++) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    return end;
  }

  /** The start of the paragraph holding {@code offset}, looking no further back than {@code limit}. */
  int paragraphStart(int offset, int limit) {
    for (int i = offset - 1; i >= Math.max(0, limit); i--) {
      if (text.charAt(i) == '\n') {
        return i + 1;
      }
    }
    return Math.max(0, limit);
  }

  private static int lowerBound(int[] a, int key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
