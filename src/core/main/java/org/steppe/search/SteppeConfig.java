package org.steppe.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.store.Directory;
import org.steppe.config.ConfigDir;
import org.steppe.config.ConfigException;
import org.steppe.config.YamlFile;
import org.steppe.enrich.Gazetteer;
import org.steppe.index.AnalysisConfig;
import org.steppe.index.IndexSetup;

/**
 * What an index is built and searched with: what to recognise and how to analyse text (the files of
 * {@code index-config/}), which enrichment runs, and where the index lives when it is not a folder.
 * Built with {@link #builder()}, read from a folder with {@link #fromFolder}, or the built-in
 * {@link #defaults()}. Every file is read and checked when the configuration is built; an instance
 * is immutable and may be shared.
 *
 * <pre>{@code
 * SteppeConfig config = SteppeConfig.builder()
 *     .addEntity(new SteppeConfig.GazetteerEntry("Tokayev", EntityType.PERSON, List.of("Kassym-Jomart Tokayev"), null))
 *     .entityModel(false)
 *     .directory(new ByteBuffersDirectory())
 *     .build();
 * }</pre>
 */
public final class SteppeConfig {
  /** The writer's RAM buffer unless the builder says otherwise, in MB. */
  public static final double DEFAULT_RAM_BUFFER_MB = 128;

  private final IndexSetup setup;
  private final Directory directory;

  private SteppeConfig(IndexSetup setup, Directory directory) {
    this.setup = setup;
    this.directory = directory;
  }

  /**
   * The built-in configuration: the files of Steppe's own {@code index-config/}, every step on.
   *
   * @return the configuration, built once
   */
  public static SteppeConfig defaults() {
    return Defaults.CONFIG;
  }

  // Built once per JVM: reading the files (and the entity model) is the expensive part.
  private static final class Defaults {
    static final SteppeConfig CONFIG = builder().build();
  }

  /**
   * The configuration in {@code folder} (an {@code index-config/}); a file the folder lacks falls
   * back to the built-in copy of the same name.
   *
   * @param folder the folder
   * @return the configuration
   * @throws ConfigurationException when the folder does not exist or a file in it is malformed
   */
  public static SteppeConfig fromFolder(Path folder) {
    return builder().folder(folder).build();
  }

  /**
   * A builder starting from the built-in configuration.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The internal setup; not part of the API. */
  IndexSetup setup() {
    return setup;
  }

  /** Where the index lives when it is not a folder, or {@code null}. */
  Directory directory() {
    return directory;
  }

  /** Runs {@code load}, turning an internal configuration error into the API's {@link ConfigurationException}. */
  static <T> T loading(java.util.function.Supplier<T> load) {
    try {
      return load.get();
    } catch (ConfigException e) {
      throw new ConfigurationException(e.file(), e.line(), e.getMessage(), e);
    }
  }

  /**
   * A known entity for the gazetteer.
   *
   * @param name canonical name: shown, faceted on, and matched as a spelling
   * @param type what kind of entity it is
   * @param aliases other spellings and forms ("Nazarbaev", "President Nazarbayev"); may be {@code null}
   * @param role a person's standing role, used when a quote's text states none; may be {@code null}
   */
  public record GazetteerEntry(String name, EntityType type, List<String> aliases, String role) {
    /** Checks the name and type; {@code null} aliases mean none. */
    public GazetteerEntry {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a gazetteer entry needs a name");
      }
      Objects.requireNonNull(type, "a gazetteer entry needs a type");
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
  }

  /**
   * One token filter of an analysis chain.
   *
   * @param name Lucene's factory name ({@code lowercase}, {@code porterStem}, {@code synonymGraph}, …)
   * @param params the factory's parameters; files they name are configuration files
   */
  public record TokenFilter(String name, Map<String, String> params) {
    /** Checks the name; {@code null} parameters mean none. */
    public TokenFilter {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a token filter needs a factory name");
      }
      params = params == null ? Map.of() : Map.copyOf(params);
    }

    /**
     * A filter without parameters.
     *
     * @param name the factory name
     * @return the filter
     */
    public static TokenFilter of(String name) {
      return new TokenFilter(name, Map.of());
    }
  }

  /**
   * An analysis chain: a tokenizer and token filters by Lucene factory name, as in a Solr schema.
   *
   * @param tokenizer a tokenizer factory name ({@code standard})
   * @param filters in order
   */
  public record AnalysisChain(String tokenizer, List<TokenFilter> filters) {
    /** Checks the tokenizer; {@code null} filters mean none. */
    public AnalysisChain {
      if (tokenizer == null || tokenizer.isBlank()) {
        throw new IllegalArgumentException("an analysis chain needs a tokenizer");
      }
      filters = filters == null ? List.of() : List.copyOf(filters);
    }

    Object[] asYaml() {
      List<Object> out = new ArrayList<>();
      for (TokenFilter f : filters) {
        if (f.params().isEmpty()) {
          out.add(f.name());
        } else {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", f.name());
          m.putAll(f.params());
          out.add(m);
        }
      }
      return out.toArray();
    }
  }

  /**
   * Builds a {@link SteppeConfig}. Files given in code win over the folder's, which win over the
   * built-in ones; the typed settings ({@link #gazetteer}, {@link #analysis}, {@link #stopWords})
   * write the file they stand for.
   */
  public static final class Builder {
    private Path folder;
    private final Map<String, String> files = new LinkedHashMap<>();
    private List<GazetteerEntry> gazetteer;
    private final List<GazetteerEntry> addedEntities = new ArrayList<>();
    private AnalysisChain indexChain;
    private AnalysisChain queryChain;
    private Double k1;
    private Double b;
    private boolean entityModel = true;
    private boolean quotes = true;
    private double ramBufferMb = DEFAULT_RAM_BUFFER_MB;
    private Directory directory;

    private Builder() {}

    /**
     * Reads the files of this folder (an {@code index-config/}); it must exist.
     *
     * @param v the folder
     * @return this builder
     */
    public Builder folder(Path v) {
      folder = Objects.requireNonNull(v, "folder");
      return this;
    }

    /**
     * Gives a configuration file's text in code, under its file name ({@code sources.yaml},
     * {@code synonyms.txt}, …): it wins over the folder's copy and the built-in one.
     *
     * @param name the file's name
     * @param text its content
     * @return this builder
     */
    public Builder file(String name, String text) {
      files.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
      return this;
    }

    /**
     * Every known entity: replaces the gazetteer ({@code gazetteer.yaml}) of the folder or the built-in one.
     *
     * @param entries the entities
     * @return this builder
     */
    public Builder gazetteer(List<GazetteerEntry> entries) {
      gazetteer = List.copyOf(entries);
      return this;
    }

    /**
     * One more known entity, after those of the gazetteer in force.
     *
     * @param entry the entity
     * @return this builder
     */
    public Builder addEntity(GazetteerEntry entry) {
      addedEntities.add(Objects.requireNonNull(entry, "entry"));
      return this;
    }

    /**
     * The analysis chains ({@code analysis.yaml}): {@code index} for indexed text, {@code query} for
     * query text; {@code null} keeps the chain in force. An index remembers its index chain and
     * refuses to open with another.
     *
     * @param index the chain for indexed text, or {@code null}
     * @param query the chain for query text, or {@code null}
     * @return this builder
     */
    public Builder analysis(AnalysisChain index, AnalysisChain query) {
      indexChain = index;
      queryChain = query;
      return this;
    }

    /**
     * BM25's parameters (default 1.2 and 0.75).
     *
     * @param newK1 term-frequency saturation
     * @param newB length normalisation
     * @return this builder
     */
    public Builder bm25(double newK1, double newB) {
      k1 = newK1;
      b = newB;
      return this;
    }

    /**
     * The words more-like-this never matches on ({@code stopwords.txt}).
     *
     * @param words the words
     * @return this builder
     */
    public Builder stopWords(List<String> words) {
      return file(IndexSetup.STOP_WORDS, String.join("\n", words) + "\n");
    }

    /**
     * Whether the statistical entity recogniser runs (default on); off, only the gazetteer and rules tag names.
     *
     * @param on whether it runs
     * @return this builder
     */
    public Builder entityModel(boolean on) {
      entityModel = on;
      return this;
    }

    /**
     * Whether quotes are extracted and attributed (default on).
     *
     * @param on whether they are
     * @return this builder
     */
    public Builder quotes(boolean on) {
      quotes = on;
      return this;
    }

    /**
     * The writer's RAM buffer in MB (default {@value SteppeConfig#DEFAULT_RAM_BUFFER_MB}): more buffers more articles per segment.
     *
     * @param mb a positive size
     * @return this builder
     */
    public Builder ramBufferMb(double mb) {
      if (!(mb > 0)) {
        throw new IllegalArgumentException("the RAM buffer must be positive, not " + mb);
      }
      ramBufferMb = mb;
      return this;
    }

    /**
     * Where the index lives when it is not a folder, e.g. a {@code ByteBuffersDirectory} for an
     * index in memory; open it with {@link Steppe#open(SteppeConfig)} or
     * {@link Steppe#openWritable(SteppeConfig)}. Steppe never closes it.
     *
     * @param v the directory
     * @return this builder
     */
    public Builder directory(Directory v) {
      directory = Objects.requireNonNull(v, "directory");
      return this;
    }

    /**
     * Reads and checks every file.
     *
     * @return the configuration
     * @throws ConfigurationException naming the file (and line) at fault, or the missing folder
     */
    public SteppeConfig build() {
      return loading(() -> {
        ConfigDir config = ConfigDir.of(folder);
        for (Map.Entry<String, String> f : files.entrySet()) {
          config = config.withFile(f.getKey(), f.getValue());
        }
        config = withGazetteer(config);
        config = withAnalysis(config);
        return new SteppeConfig(IndexSetup.load(config, entityModel, quotes, ramBufferMb), directory);
      });
    }

    private ConfigDir withGazetteer(ConfigDir config) {
      if (gazetteer == null && addedEntities.isEmpty()) {
        return config;
      }
      Gazetteer loaded = Gazetteer.load(config);
      List<Gazetteer.Entry> entries = new ArrayList<>(gazetteer == null ? loaded.entities() : List.of());
      for (GazetteerEntry e : gazetteer == null ? addedEntities : concat(gazetteer, addedEntities)) {
        entries.add(new Gazetteer.Entry(e.name(), org.steppe.enrich.EntityType.valueOf(e.type().name()), e.aliases(), e.role()));
      }
      return config.withFile(Gazetteer.FILE, YamlFile.write(new Gazetteer(entries, loaded.contextWindow())));
    }

    private ConfigDir withAnalysis(ConfigDir config) {
      if (indexChain == null && queryChain == null && k1 == null) {
        return config;
      }
      AnalysisConfig base = AnalysisConfig.load(config);
      Map<String, Object> yaml = new LinkedHashMap<>();
      yaml.put("index", indexChain == null ? base.index() : Map.of("tokenizer", indexChain.tokenizer(), "filters", indexChain.asYaml()));
      yaml.put("query", queryChain == null ? base.query() : Map.of("tokenizer", queryChain.tokenizer(), "filters", queryChain.asYaml()));
      yaml.put("bm25", k1 == null ? base.bm25() : Map.of("k1", k1, "b", b));
      return config.withFile(AnalysisConfig.FILE, YamlFile.write(yaml));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
      List<T> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }
}
