package org.steppe.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Turns a Lucene query, as the embedded engine parsed and analysed it, into the OpenSearch query
 * that builds the same Lucene query on every shard: the same terms, structure, boosts and
 * minimum-should-match, so both engines match and score alike.
 *
 * <p>Terms go to the cluster as analysed, through the index's {@value IndexDefinition#TERMS_ANALYZER}
 * analyzer: a synonym query becomes a {@code match} of {@code a|b}, a phrase a {@code match_phrase}
 * of its terms with their gaps, a BM25F word a {@code combined_fields} of its one term. A query
 * class with no exact counterpart is refused with an {@link IllegalArgumentException} naming it,
 * never sent approximately.
 */
final class QueryTranslator {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** {@code CombinedFieldQuery((body title^2.0)(treati))}: Lucene keeps its fields and weights private. */
  private static final Pattern COMBINED = Pattern.compile("CombinedFieldQuery\\(\\(([^()]*)\\)\\(([^()]*)\\)\\)");

  private QueryTranslator() {}

  /** The OpenSearch query for {@code q}. */
  static ObjectNode translate(Query q) {
    if (q instanceof BooleanQuery b) {
      return bool(b);
    }
    if (q instanceof TermQuery t) {
      return term(t.getTerm());
    }
    if (q instanceof BoostQuery b) {
      ObjectNode bool = JSON.createObjectNode();
      ObjectNode inner = bool.putObject("bool");
      inner.putArray("must").add(translate(b.getQuery()));
      inner.put("boost", b.getBoost());
      return bool;
    }
    if (q instanceof ConstantScoreQuery c) {
      ObjectNode out = JSON.createObjectNode();
      out.putObject("constant_score").set("filter", translate(c.getQuery()));
      return out;
    }
    if (q instanceof MatchAllDocsQuery) {
      return leaf("match_all");
    }
    if (q instanceof MatchNoDocsQuery) {
      return leaf("match_none");
    }
    if (q instanceof DisjunctionMaxQuery d) {
      if (d.getDisjuncts().isEmpty()) {
        return leaf("match_none");
      }
      ObjectNode out = JSON.createObjectNode();
      ObjectNode dismax = out.putObject("dis_max");
      ArrayNode queries = dismax.putArray("queries");
      d.getDisjuncts().forEach(x -> queries.add(translate(x)));
      dismax.put("tie_breaker", d.getTieBreakerMultiplier());
      return out;
    }
    if (q instanceof SynonymQuery s) {
      if (s.toString().contains("^")) {
        throw refuse(q, "its terms carry boosts");
      }
      List<String> terms = s.getTerms().stream().map(t -> checked(q, t.text())).toList();
      return match("match", s.getField(), String.join("|", terms), 0);
    }
    if (q instanceof PhraseQuery p) {
      Term[] terms = p.getTerms();
      if (terms.length == 0) {
        return leaf("match_none");
      }
      if (terms.length == 1) {
        return term(terms[0]); // Lucene rewrites a one-term phrase to its term
      }
      List<String> slots = new ArrayList<>();
      for (Term t : terms) {
        slots.add(checked(q, t.text()));
      }
      return match("match_phrase", terms[0].field(), withGaps(slots, p.getPositions()), p.getSlop());
    }
    if (q instanceof MultiPhraseQuery m) {
      Term[][] arrays = m.getTermArrays();
      if (arrays.length < 2) {
        throw refuse(q, "a multi-phrase of one position");
      }
      List<String> slots = new ArrayList<>();
      for (Term[] alternatives : arrays) {
        List<String> words = new ArrayList<>();
        for (Term t : alternatives) {
          words.add(checked(q, t.text()));
        }
        slots.add(String.join("|", words));
      }
      return match("match_phrase", arrays[0][0].field(), withGaps(slots, m.getPositions()), m.getSlop());
    }
    if (q instanceof CombinedFieldQuery c) {
      return combined(c);
    }
    if (q instanceof WildcardQuery w) {
      return multiTerm("wildcard", w.getTerm().field(), w.getTerm().text());
    }
    if (q instanceof PrefixQuery p) {
      return multiTerm("prefix", p.getPrefix().field(), p.getPrefix().text());
    }
    if (q instanceof RegexpQuery r) {
      ObjectNode out = multiTerm("regexp", r.getRegexp().field(), r.getRegexp().text());
      ((ObjectNode) out.path("regexp").path(r.getRegexp().field())).put("flags", "ALL");
      return out;
    }
    if (q instanceof FuzzyQuery f) {
      ObjectNode out = multiTerm("fuzzy", f.getTerm().field(), f.getTerm().text());
      ((ObjectNode) out.path("fuzzy").path(f.getTerm().field()))
          .put("fuzziness", f.getMaxEdits())
          .put("prefix_length", f.getPrefixLength())
          .put("transpositions", f.getTranspositions())
          .put("max_expansions", FuzzyQuery.defaultMaxExpansions);
      return out;
    }
    if (q instanceof TermRangeQuery r) {
      ObjectNode out = JSON.createObjectNode();
      ObjectNode bounds = out.putObject("range").putObject(r.getField());
      if (r.getLowerTerm() != null) {
        bounds.put(r.includesLower() ? "gte" : "gt", r.getLowerTerm().utf8ToString());
      }
      if (r.getUpperTerm() != null) {
        bounds.put(r.includesUpper() ? "lte" : "lt", r.getUpperTerm().utf8ToString());
      }
      return out;
    }
    throw refuse(q, "OpenSearch has no query that builds it exactly");
  }

  /**
   * A Boolean query as {@code bool}. Two Lucene rules OpenSearch does not share are made explicit:
   * a query with no clauses, or only exclusions, matches nothing (OpenSearch would match everything).
   */
  private static ObjectNode bool(BooleanQuery b) {
    List<BooleanClause> clauses = b.clauses();
    if (clauses.isEmpty() || clauses.stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
      return leaf("match_none");
    }
    ObjectNode out = JSON.createObjectNode();
    ObjectNode bool = out.putObject("bool");
    int should = 0;
    boolean required = false;
    for (BooleanClause c : clauses) {
      String occur = switch (c.occur()) {
        case MUST -> "must";
        case SHOULD -> "should";
        case FILTER -> "filter";
        case MUST_NOT -> "must_not";
      };
      bool.withArray(occur).add(translate(c.query()));
      should += c.occur() == BooleanClause.Occur.SHOULD ? 1 : 0;
      required |= c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER;
    }
    if (should > 0) {
      // Lucene: with required clauses the optional ones only score; without, at least one must match.
      bool.put("minimum_should_match", b.getMinimumNumberShouldMatch() > 0 ? b.getMinimumNumberShouldMatch() : required ? 0 : 1);
    }
    return out;
  }

  /** A BM25F word: {@code combined_fields} over the same fields and weights, with its one term as analysed. */
  private static ObjectNode combined(CombinedFieldQuery c) {
    Matcher m = COMBINED.matcher(c.toString());
    if (!m.matches()) {
      throw refuse(c, "its fields and terms cannot be read (" + c + ")");
    }
    String[] terms = m.group(2).strip().split(" ");
    List<String> visited = new ArrayList<>();
    c.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... ts) {
        for (Term t : ts) {
          if (!visited.contains(t.text())) {
            visited.add(t.text());
          }
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    if (terms.length != 1 || visited.size() != 1 || !visited.get(0).equals(terms[0])) {
      throw refuse(c, "it combines several terms (" + c + "), which OpenSearch scores as separate words");
    }
    ObjectNode combined = JSON.createObjectNode();
    ObjectNode cf = combined.putObject("combined_fields");
    cf.put("query", checked(c, terms[0]));
    ArrayNode fields = cf.putArray("fields");
    // Lucene's CombinedFieldQuery reads the fields' statistics only on a shard where its term occurs,
    // so dfs_query_then_fetch would sum them over those shards alone (and score against a smaller
    // collection than the embedded index). A term query reads them on every shard: one per field for
    // a term no text is indexed with (U+0000), optional, makes every shard report them and changes
    // neither matches nor scores (a zero-weighted clause would not do: it is dropped before it is weighed).
    ObjectNode out = JSON.createObjectNode();
    ObjectNode bool = out.putObject("bool");
    bool.putArray("must").add(combined);
    ArrayNode statistics = bool.putArray("should");
    for (String f : m.group(1).strip().split(" ")) {
      fields.add(f);
      String field = f.contains("^") ? f.substring(0, f.indexOf('^')) : f;
      statistics.addObject().putObject("term").putObject(field).put("value", IndexDefinition.GAP);
    }
    cf.put("operator", "or");
    bool.put("minimum_should_match", 0);
    return out;
  }

  /** Terms separated by spaces, with an empty-position mark for each position a filter removed. */
  private static String withGaps(List<String> slots, int[] positions) {
    StringBuilder out = new StringBuilder(slots.get(0));
    for (int i = 1; i < slots.size(); i++) {
      for (int gap = positions[i] - positions[i - 1] - 1; gap > 0; gap--) {
        out.append(' ').append(IndexDefinition.GAP);
      }
      if (positions[i] == positions[i - 1]) {
        throw new IllegalArgumentException("a phrase with two terms at one position cannot be sent to OpenSearch");
      }
      out.append(' ').append(slots.get(i));
    }
    return out.toString();
  }

  private static ObjectNode match(String type, String field, String text, int slop) {
    ObjectNode out = JSON.createObjectNode();
    ObjectNode params = out.putObject(type).putObject(field);
    params.put("query", text);
    params.put("analyzer", IndexDefinition.TERMS_ANALYZER);
    if (type.equals("match_phrase")) {
      params.put("slop", slop);
    } else {
      params.put("auto_generate_synonyms_phrase_query", false);
    }
    return out;
  }

  private static ObjectNode term(Term t) {
    ObjectNode out = JSON.createObjectNode();
    out.putObject("term").putObject(t.field()).put("value", t.text());
    return out;
  }

  private static ObjectNode multiTerm(String type, String field, String value) {
    ObjectNode out = JSON.createObjectNode();
    out.putObject(type).putObject(field).put("value", value);
    return out;
  }

  private static ObjectNode leaf(String type) {
    ObjectNode out = JSON.createObjectNode();
    out.putObject(type);
    return out;
  }

  /** A term as {@value IndexDefinition#TERMS_ANALYZER} reads it back: one token, unchanged. */
  private static String checked(Query q, String term) {
    if (term.isEmpty() || term.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '|') || term.equals(IndexDefinition.GAP)) {
      throw refuse(q, "its term '" + term + "' holds a space or '|'");
    }
    return term;
  }

  private static IllegalArgumentException refuse(Query q, String why) {
    return new IllegalArgumentException("the query part " + q.getClass().getSimpleName() + " cannot be sent to OpenSearch: " + why);
  }
}
