package org.steppe.server;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.steppe.search.ArticleHit;
import org.steppe.search.QuoteHit;
import org.steppe.search.SearchRequest;
import org.steppe.search.SortOrder;

/**
 * A search as an Atom 1.0 feed: the newest matches, each entry with a stable id (the article's or
 * quote's id as a URN), {@code updated} from the article's date, and plain text or the escaped
 * snippet as content. Written with Rome, which escapes everything it writes; characters XML cannot
 * carry at all are dropped first. Stateless.
 */
final class AtomFeed {
  /** How many matches a feed holds. */
  static final int SIZE = 50;
  /** The media type of an Atom feed. */
  static final String CONTENT_TYPE = "application/atom+xml;charset=utf-8";
  /** An undated article's {@code updated} (Atom requires one): the epoch, so it sorts last as it does in the search. */
  private static final Date UNDATED = new Date(0);

  /**
   * Where the feed is served and what it searches.
   *
   * @param base the server's root URL, without a trailing slash ({@code http://host:7070})
   * @param self the feed's own URL, path and query
   * @param pageQuery the page's query string for the same search ({@code q=…&view=quotes})
   * @param describe what the feed is, for its title ({@code "sovereignty"})
   */
  record Origin(String base, String self, String pageQuery, String describe) {}

  private AtomFeed() {}

  /** The request a feed runs: the same search, newest first, the first {@link #SIZE} matches. */
  static SearchRequest newest(SearchRequest request) {
    return request.withSort(SortOrder.NEWEST).withCursor(null).withPage(0, SIZE);
  }

  /** What a request searches, in words, for a feed's title: {@code “treaty” about Nazarbaev in Tengrinews}. */
  static String describe(SearchRequest r) {
    List<String> parts = new ArrayList<>();
    if (!r.matchesAll()) {
      parts.add("\u201c" + r.query().strip() + "\u201d");
    }
    r.about().forEach(n -> parts.add("about " + n));
    r.speakers().forEach(n -> parts.add("by " + n));
    r.entities().forEach(n -> parts.add("mentioning " + n));
    r.sources().forEach(n -> parts.add("in " + n));
    if (r.from() != null) {
      parts.add("from " + r.from());
    }
    if (r.to() != null) {
      parts.add("to " + r.to());
    }
    return parts.isEmpty() ? "(everything)" : String.join(" ", parts);
  }

  /** A feed of articles. */
  static String articles(List<ArticleHit> hits, Origin origin) {
    List<Entry> entries = new ArrayList<>();
    for (ArticleHit h : hits) {
      Entry e = entry("urn:steppe:article:" + encode(h.id()), h.title() == null ? h.id() : h.title(), h.date(),
          origin.base() + "/?view=article&id=" + encode(h.id()));
      if (h.author() != null) {
        e.setAuthors(List.of(person(h.author())));
      }
      e.setSummary(content("html", h.snippet()));
      e.setContents(List.of(content("text", (h.source() == null ? "" : h.source() + ". ") + plain(h.snippet()))));
      entries.add(e);
    }
    return write(feed("urn:steppe:feed:search:" + encode(origin.pageQuery()), "Steppe: articles " + origin.describe(),
        origin, "", entries));
  }

  /** A feed of quotes: one entry per quote, titled with who said it. */
  static String quotes(List<QuoteHit> hits, Origin origin) {
    List<Entry> entries = new ArrayList<>();
    for (QuoteHit q : hits) {
      String speaker = q.speaker() == null ? "Unknown speaker" : q.speaker();
      Entry e = entry("urn:steppe:quote:" + encode(q.id()), speaker + ": \u201c" + shorten(q.text(), 120) + "\u201d",
          q.article().date(), origin.base() + "/?view=article&id=" + encode(q.article().id()));
      e.setAuthors(List.of(person(speaker)));
      String where = (q.article().title() == null ? "" : q.article().title())
          + (q.article().source() == null ? "" : " (" + q.article().source() + ")");
      e.setContents(List.of(content("text", "\u201c" + q.text() + "\u201d \u2014 " + speaker
          + (q.role() == null ? "" : ", " + q.role()) + (where.isBlank() ? "" : ". " + where.strip()))));
      entries.add(e);
    }
    return write(feed("urn:steppe:feed:quotes:" + encode(origin.pageQuery()), "Steppe: quotes " + origin.describe(),
        origin, "view=quotes", entries));
  }

  private static Feed feed(String id, String title, Origin origin, String view, List<Entry> entries) {
    Feed feed = new Feed("atom_1.0");
    feed.setId(id);
    feed.setTitleEx(content("text", title));
    Date updated = entries.stream().map(Entry::getUpdated).max(Date::compareTo).orElse(UNDATED);
    feed.setUpdated(updated);
    feed.setAuthors(List.of(person("Steppe")));
    String query = origin.pageQuery().isEmpty() ? view : view.isEmpty() ? origin.pageQuery() : origin.pageQuery() + "&" + view;
    feed.setAlternateLinks(List.of(link("alternate", origin.base() + "/" + (query.isEmpty() ? "" : "?" + query), "text/html")));
    feed.setOtherLinks(List.of(link("self", origin.base() + origin.self(), "application/atom+xml")));
    feed.setEntries(entries);
    return feed;
  }

  private static Entry entry(String id, String title, LocalDate date, String href) {
    Entry e = new Entry();
    e.setId(id);
    e.setTitleEx(content("text", title));
    Date when = date == null ? UNDATED : Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    e.setUpdated(when);
    if (date != null) {
      e.setPublished(when);
    }
    e.setAlternateLinks(List.of(link("alternate", href, "text/html")));
    return e;
  }

  private static String write(Feed feed) {
    try {
      return new WireFeedOutput().outputString(feed, true);
    } catch (FeedException e) {
      throw new IllegalStateException("the Atom feed could not be written: " + e.getMessage(), e);
    }
  }

  private static Content content(String type, String value) {
    Content c = new Content();
    c.setType(type);
    c.setValue(xmlSafe(value == null ? "" : value));
    return c;
  }

  private static Link link(String rel, String href, String type) {
    Link l = new Link();
    l.setRel(rel);
    l.setHref(xmlSafe(href));
    l.setType(type);
    return l;
  }

  private static SyndPerson person(String name) {
    SyndPerson p = new SyndPersonImpl();
    p.setName(xmlSafe(name));
    return p;
  }

  /** The snippet's words without its markup: the text of its {@code <mark>}s, entities decoded. */
  static String plain(String snippet) {
    if (snippet == null) {
      return "";
    }
    return snippet.replaceAll("</?mark>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#x27;", "'").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }

  private static String shorten(String text, int max) {
    String t = text.replaceAll("\\s+", " ").strip();
    return t.length() <= max ? t : t.substring(0, max - 1).stripTrailing() + "\u2026";
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Drops what XML 1.0 cannot carry even escaped (most control characters, lone surrogates). */
  static String xmlSafe(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
