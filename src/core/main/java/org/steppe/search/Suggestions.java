package org.steppe.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.steppe.engine.EngineSupport;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.Fields;

/**
 * Autocomplete over names: entities and speakers, matched on any word's prefix and weighted by the
 * number of articles that mention (or quote) them; titles come from {@link TitleSuggestions}.
 *
 * <p>The names are read from the facet labels and counts of the current searcher (doc values, no
 * stored document is read), so building stays cheap on a large archive. An in-memory
 * {@link AnalyzingInfixSuggester} is built lazily, the first time a newer reader is asked for, and
 * then shared: lookups run concurrently under a read lock, a rebuild takes the write lock and
 * closes the previous suggester once nobody uses it. Gazetteer aliases of names in the index are
 * added as extra keys for their canonical name, so "Nazarbaev" and "EEU" complete too.
 */
final class Suggestions implements AutoCloseable {
  /** Entity facet dimensions and the kind their names are reported as. */
  private static final Map<String, String> NAME_DIMS = orderedDims();

  private final Map<String, List<String>> aliasesByName = new HashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private AnalyzingInfixSuggester suggester; // guarded by lock
  private long builtVersion = -1; // guarded by lock
  private final Analyzer analyzer;

  /**
   * @param gazetteer where aliases of indexed names come from
   * @param analyzer how names and typed prefixes are split into words, see {@link #wordsAsTyped()}
   */
  Suggestions(Gazetteer gazetteer, Analyzer analyzer) {
    for (Gazetteer.Entry e : gazetteer.entities()) {
      aliasesByName.put(e.name(), e.aliases());
    }
    this.analyzer = analyzer;
  }

  /** Words lower-cased and accent-folded but not stemmed: "nazarb" must stay a prefix of "nazarbayev". */
  static Analyzer wordsAsTyped() {
    try {
      return CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("lowercase")
          .addTokenFilter("asciiFolding").build();
    } catch (IOException e) {
      throw new IllegalStateException("the standard analysis factories are missing from the class path", e);
    }
  }

  private static Map<String, String> orderedDims() {
    Map<String, String> dims = new LinkedHashMap<>();
    for (EntityType type : EntityType.values()) {
      dims.put(Fields.facetEntity(type.label()), Suggestion.Kind.of(type).name());
    }
    dims.put(Fields.FACET_SPEAKER, Suggestion.Kind.SPEAKER.name());
    return dims;
  }

  /** Names whose words start with the words of {@code prefix}, most mentioned first, each once. */
  List<Suggestion> names(FacetedSearcher searcher, String prefix, int limit) throws IOException {
    return names(version(searcher.getIndexReader()), () -> facetNames(searcher), prefix, limit);
  }

  /**
   * Names whose words start with the words of {@code prefix}, from the names of {@code source} as
   * of {@code version}: the suggester is rebuilt when asked with a newer version than it was built from.
   */
  List<Suggestion> names(long version, EngineSupport.NameSource source, String prefix, int limit) throws IOException {
    lock.readLock().lock();
    try {
      if (fresh(version)) {
        return lookup(prefix, limit);
      }
    } finally {
      lock.readLock().unlock();
    }
    lock.writeLock().lock();
    try {
      if (!fresh(version)) {
        rebuild(version, source.names());
      }
      lock.readLock().lock(); // downgrade: look up without letting a rebuild close the suggester
    } finally {
      lock.writeLock().unlock();
    }
    try {
      return lookup(prefix, limit);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Whether the suggester reflects this version or a newer one (a slow thread may hold an older searcher). */
  private boolean fresh(long version) {
    return suggester != null && version <= builtVersion;
  }

  private static long version(IndexReader reader) {
    return reader instanceof DirectoryReader dr ? dr.getVersion() : 0;
  }

  private List<Suggestion> lookup(String prefix, int limit) throws IOException {
    if (suggester.getCount() == 0) {
      return List.of();
    }
    // Aliases share their canonical name's weight, so ask for extra results to fill the page after de-duplication.
    List<Lookup.LookupResult> results = suggester.lookup(prefix, (Set<BytesRef>) null, limit * 4 + 8, true, false);
    Map<String, Suggestion> out = new LinkedHashMap<>();
    for (Lookup.LookupResult r : results) {
      String[] payload = r.payload.utf8ToString().split("\t", 2);
      out.putIfAbsent(payload[1], new Suggestion(payload[1], Suggestion.Kind.valueOf(payload[0])));
      if (out.size() == limit) {
        break;
      }
    }
    return new ArrayList<>(out.values());
  }

  private void rebuild(long version, List<EngineSupport.NameCount> names) throws IOException {
    AnalyzingInfixSuggester next = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), analyzer, analyzer,
        AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS, false, true, false, true);
    next.build(new EntryIterator(entries(names).iterator()));
    AnalyzingInfixSuggester previous = suggester;
    suggester = next;
    builtVersion = version;
    if (previous != null) {
      previous.close(); // safe: we hold the write lock, so no lookup is using it
    }
  }

  /** Every name with its article count, plus its gazetteer aliases pointing back to it. */
  private List<Entry> entries(List<EngineSupport.NameCount> names) {
    List<Entry> entries = new ArrayList<>();
    Map<String, String> seen = new HashMap<>(); // a name both an entity and a speaker is offered once, as the entity
    for (EngineSupport.NameCount n : names) {
      String kind = n.kind().name();
      if (seen.putIfAbsent(n.name(), kind) != null) {
        continue;
      }
      entries.add(new Entry(n.name(), n.articles(), kind, n.name()));
      for (String alias : aliasesByName.getOrDefault(n.name(), List.of())) {
        entries.add(new Entry(alias, n.articles(), kind, n.name()));
      }
    }
    return entries;
  }

  /** The names of the searcher's entity and speaker facets, counted over article documents. */
  private static List<EngineSupport.NameCount> facetNames(FacetedSearcher searcher) throws IOException {
    List<EngineSupport.NameCount> names = new ArrayList<>();
    if (searcher.facetState() == null) {
      return names;
    }
    // Count over article documents only: quote documents repeat their speaker, which would inflate speakers.
    FacetsCollector fc = searcher.search(new TermQuery(new Term(Fields.KIND, Fields.KIND_ARTICLE)), new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(searcher.facetState(), fc);
    for (Map.Entry<String, String> dim : NAME_DIMS.entrySet()) {
      FacetResult r;
      try {
        r = counts.getAllChildren(dim.getKey());
      } catch (IllegalArgumentException e) {
        continue; // this dimension has no values in the index
      }
      if (r == null) {
        continue;
      }
      for (LabelAndValue lv : r.labelValues) {
        names.add(new EngineSupport.NameCount(lv.label, Suggestion.Kind.valueOf(dim.getValue()), lv.value.longValue()));
      }
    }
    return names;
  }

  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      if (suggester != null) {
        suggester.close();
        suggester = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** One key of the suggester: the text matched, and the name and kind it stands for. */
  private record Entry(String key, long weight, String kind, String name) {}

  /** Feeds entries to the suggester; the payload carries kind and canonical name. */
  private static final class EntryIterator implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry current;

    EntryIterator(Iterator<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) {
        return null;
      }
      current = entries.next();
      return new BytesRef(current.key());
    }

    @Override
    public long weight() {
      return current.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef((current.kind() + "\t" + current.name()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }

}
