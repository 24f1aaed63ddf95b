package org.steppe.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query that stops matching once its time is up, for searches that Lucene's own time limit
 * cannot cut short: a filtered search scores every document in one drill-sideways pass, which
 * refuses the windows Lucene's limit works in. Its matches simply end when the time runs out, so
 * the search returns what it found, and {@link Deadline#expired()} tells the caller. Rewriting it
 * rewrites the wrapped query as a search would, clause limit included. One per search.
 */
final class TimeLimitedQuery extends Query {
  /** How often (in documents visited) the clock is read; a power of two. */
  private static final int CHECK_EVERY = 64;

  /** When a search must stop, and whether it had to. Shared by a query and its rewrites. */
  static final class Deadline {
    private final QueryTimeout timeout;
    private volatile boolean expired;

    Deadline(QueryTimeout timeout) {
      this.timeout = timeout;
    }

    /** Whether some match was cut short because the time ran out. */
    boolean expired() {
      return expired;
    }

    private boolean reached() {
      if (!expired && timeout.shouldExit()) {
        expired = true;
      }
      return expired;
    }
  }

  private final Query in;
  private final Deadline deadline;

  TimeLimitedQuery(Query in, Deadline deadline) {
    this.in = in;
    this.deadline = deadline;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = searcher.rewrite(in); // to the end, with IndexSearcher's clause count
    return rewritten == in ? this : new TimeLimitedQuery(rewritten, deadline);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = searcher.createWeight(in, scoreMode, boost);
    return new FilterWeight(this, inner) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        return supplier == null ? null : new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new LimitedScorer(supplier.get(leadCost), deadline);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // a cached match set would outlive this search's deadline
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "limited(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return this == other; // each search's deadline is its own
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /** A scorer whose documents end when the deadline is reached. */
  private static final class LimitedScorer extends Scorer {
    private final Scorer in;
    private final DocIdSetIterator iterator;
    private final TwoPhaseIterator twoPhase;

    LimitedScorer(Scorer in, Deadline deadline) {
      this.in = in;
      TwoPhaseIterator inTwoPhase = in.twoPhaseIterator();
      if (inTwoPhase == null) {
        this.twoPhase = null;
        this.iterator = new LimitedIterator(in.iterator(), deadline);
      } else {
        this.twoPhase = new TwoPhaseIterator(new LimitedIterator(inTwoPhase.approximation(), deadline)) {
          @Override
          public boolean matches() throws IOException {
            return inTwoPhase.matches();
          }

          @Override
          public float matchCost() {
            return inTwoPhase.matchCost();
          }
        };
        this.iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      }
    }

    @Override
    public int docID() {
      return iterator.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }

  /** An iterator that reports no more documents once the deadline is reached. */
  private static final class LimitedIterator extends DocIdSetIterator {
    private final DocIdSetIterator in;
    private final Deadline deadline;
    private int calls;
    private boolean stopped;

    LimitedIterator(DocIdSetIterator in, Deadline deadline) {
      this.in = in;
      this.deadline = deadline;
    }

    @Override
    public int docID() {
      return stopped ? NO_MORE_DOCS : in.docID();
    }

    @Override
    public int nextDoc() throws IOException {
      return timeUp() ? NO_MORE_DOCS : in.nextDoc();
    }

    @Override
    public int advance(int target) throws IOException {
      return timeUp() ? NO_MORE_DOCS : in.advance(target);
    }

    private boolean timeUp() {
      // The first call reads the clock too, so a search that is late from the start stops at once.
      if (!stopped && (calls++ & (CHECK_EVERY - 1)) == 0 && deadline.reached()) {
        stopped = true;
      }
      return stopped;
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }
}
