package org.steppe.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An article handed over by another program (a CMS), for {@link SteppeWriter#put}. Build one with
 * {@link #builder(String)}.
 *
 * <p>When {@code entities} or {@code quotes} is given (not {@code null}), the article is indexed
 * with exactly what is given and enrichment is skipped: what is not given counts as none. Their
 * offsets index {@code body}.
 *
 * @param id stable, unique id; putting the same id again replaces the article
 * @param title may be {@code null}
 * @param body the text; required
 * @param source publication; {@code null} means unknown
 * @param date publication date; {@code null} means undated
 * @param author may be {@code null}
 * @param url may be {@code null}
 * @param entities the article's entities with mentions in {@code body}, or {@code null} to find them
 * @param quotes the article's quotes with offsets in {@code body}, or {@code null} to find them
 */
public record ArticleInput(String id, String title, String body, String source, LocalDate date, String author, String url,
    List<ArticleEntity> entities, List<ArticleQuote> quotes) {

  /**
   * Checks the id and body, and that given mentions and quotes lie in the body; a mention without
   * text gets the body's words.
   *
   * @throws IllegalArgumentException when the id or body is missing, or an offset is outside the body
   */
  public ArticleInput {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an article needs an id");
    }
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("article " + id + " needs a body");
    }
    entities = entities == null ? null : checked(id, body, entities);
    quotes = quotes == null ? null : checkedQuotes(id, body, quotes);
  }

  /**
   * A builder for the article with this id.
   *
   * @param id stable, unique id
   * @return an empty builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Whether the input states its entities or quotes, so enrichment is skipped.
   *
   * @return whether {@code entities} or {@code quotes} is given
   */
  public boolean enriched() {
    return entities != null || quotes != null;
  }

  private static List<ArticleEntity> checked(String id, String body, List<ArticleEntity> entities) {
    List<ArticleEntity> out = new ArrayList<>();
    for (ArticleEntity e : entities) {
      List<Mention> mentions = new ArrayList<>();
      for (Mention m : e.mentions()) {
        String written = span(id, body, m.start(), m.end(), "a mention of " + e.name());
        if (m.text() != null && !m.text().equals(written)) {
          throw new IllegalArgumentException("article " + id + ": a mention of " + e.name() + " says '" + m.text()
              + "' but the body has '" + written + "' at " + m.start() + "-" + m.end());
        }
        mentions.add(new Mention(m.start(), m.end(), written));
      }
      out.add(new ArticleEntity(e.name(), e.type(), mentions));
    }
    return List.copyOf(out);
  }

  private static List<ArticleQuote> checkedQuotes(String id, String body, List<ArticleQuote> quotes) {
    for (ArticleQuote q : quotes) {
      span(id, body, q.start(), q.end(), "the quote '" + q.text() + "'");
    }
    return List.copyOf(quotes);
  }

  private static String span(String id, String body, int start, int end, String what) {
    if (start < 0 || end < start || end > body.length()) {
      throw new IllegalArgumentException("article " + id + ": " + what + " is at " + start + "-" + end
          + ", outside the body (0-" + body.length() + ")");
    }
    return body.substring(start, end);
  }

  /** Builds an {@link ArticleInput}; every field but the id and the body is optional. */
  public static final class Builder {
    private final String id;
    private String title;
    private String body;
    private String source;
    private LocalDate date;
    private String author;
    private String url;
    private List<ArticleEntity> entities;
    private List<ArticleQuote> quotes;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * The headline.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder title(String v) {
      title = v;
      return this;
    }

    /**
     * The text; required.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder body(String v) {
      body = v;
      return this;
    }

    /**
     * The publication.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder source(String v) {
      source = v;
      return this;
    }

    /**
     * The publication date.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder date(LocalDate v) {
      date = v;
      return this;
    }

    /**
     * Who wrote it.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder author(String v) {
      author = v;
      return this;
    }

    /**
     * Where it was published.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder url(String v) {
      url = v;
      return this;
    }

    /**
     * The article's entities, with mentions in the body: enrichment is skipped.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder entities(List<ArticleEntity> v) {
      entities = v;
      return this;
    }

    /**
     * The article's quotes, with offsets in the body: enrichment is skipped.
     *
     * @param v the value; {@code null} for none
     * @return this builder
     */
    public Builder quotes(List<ArticleQuote> v) {
      quotes = v;
      return this;
    }

    /**
     * The article.
     *
     * @return the input
     * @throws IllegalArgumentException when the id or body is missing, or an offset is outside the body
     */
    public ArticleInput build() {
      return new ArticleInput(id, title, body, source, date, author, url, entities, quotes);
    }
  }
}
