package org.steppe.search;

import java.time.Duration;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.RegExp;

/**
 * The bounds a query must keep, checked before the parser sees it, so that no input can exhaust
 * the parser's stack, the clause limit or a search thread's time.
 */
final class QueryLimits {
  /**
   * Deepest nesting of parentheses accepted. The query parser descends one level of recursion per
   * parenthesis, so thousands of them would end in a StackOverflowError; people never nest deeper
   * than a handful.
   */
  static final int MAX_NESTING = 32;

  /**
   * How long one search may run before it stops and returns what it found so far, unless
   * {@link Steppe#setSearchTimeout} says otherwise: the system property
   * {@code steppe.searchTimeoutMillis}, else 2 seconds.
   */
  static final Duration DEFAULT_SEARCH_TIMEOUT = Duration.ofMillis(Long.getLong("steppe.searchTimeoutMillis", 2000));

  /**
   * Most characters a regular expression may expand to once its repetitions are written out:
   * {@code /a{1000}{1000}/} would otherwise build a million-state automaton before any limit on
   * determinization applies.
   */
  static final int MAX_REGEX_EXPANSION = 5_000;

  /**
   * Most wildcard, prefix, fuzzy or regular-expression terms in one query. Each is compiled to an
   * automaton per field before the search starts (a fuzzy term of edit distance 2 takes
   * milliseconds), so sixty of them take seconds the search time limit cannot stop.
   */
  static final int MAX_EXPANDING_TERMS = 16;

  private QueryLimits() {}

  /** Rejects a regular expression whose repetitions multiply out beyond {@link #MAX_REGEX_EXPANSION}. */
  static void checkRegex(String regex) {
    RegExp parsed;
    try {
      parsed = new RegExp(regex, RegExp.ALL);
    } catch (IllegalArgumentException e) {
      return; // not readable: the parser reports it in its own words
    }
    if (expansion(parsed) > MAX_REGEX_EXPANSION) {
      throw new QuerySyntaxException("the regular expression /" + regex + "/ repeats too much (its repetitions expand past "
          + MAX_REGEX_EXPANSION + " characters); use smaller counts in {…}", 0);
    }
  }

  private static long expansion(RegExp r) {
    if (r == null) {
      return 0;
    }
    long inner = Math.min(Integer.MAX_VALUE, expansion(r.exp1) + expansion(r.exp2));
    return switch (r.kind) {
      case REGEXP_REPEAT_MIN -> Math.min(Integer.MAX_VALUE, Math.max(1, inner) * ((long) r.min + 1));
      case REGEXP_REPEAT_MINMAX -> Math.min(Integer.MAX_VALUE, Math.max(1, inner) * Math.max(1L, r.max));
      case REGEXP_STRING -> r.s.length();
      default -> Math.max(1, inner);
    };
  }

  /**
   * Rejects a parsed query with more leaf clauses than Lucene will run, before it reaches a
   * searcher: the same answer at parse time as at search time, with a message.
   */
  static void checkClauses(Query query) {
    int max = IndexSearcher.getMaxClauseCount();
    int[] leaves = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        count();
      }

      @Override
      public void visitLeaf(Query q) {
        count();
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      private void count() {
        if (++leaves[0] > max) {
          throw QueryFactory.tooManyClauses();
        }
      }
    });
  }

  /** Rejects text too long or too deeply nested, with a message for the person who typed it. */
  static void check(String q) {
    if (q.length() > SearchRequest.MAX_QUERY_LENGTH) {
      throw new QuerySyntaxException("the query is " + q.length() + " characters long; the limit is "
          + SearchRequest.MAX_QUERY_LENGTH, 0);
    }
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c == '\\') {
        i++; // an escaped character is a literal, never syntax
      } else if (c == '"') {
        quoted = !quoted; // parentheses inside a phrase are words, not nesting
      } else if (!quoted && c == '(' && ++depth > MAX_NESTING) {
        throw new QuerySyntaxException("the query nests parentheses more than " + MAX_NESTING + " deep (at position "
            + (i + 1) + "); simplify it", i + 1);
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      }
    }
  }

  /**
   * The query text with every lone surrogate (half of a character, which no keyboard produces)
   * replaced by U+FFFD, so analysis and highlighting never see broken UTF-16.
   */
  static String clean(String q) {
    StringBuilder out = null;
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < q.length() && Character.isLowSurrogate(q.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(q.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(q.length()).append(q, 0, i);
        }
        out.append('\uFFFD');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? q : out.toString();
  }
}
