package org.steppe.formats.html;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.steppe.ingest.Metadata;
import org.steppe.ingest.StatedDate;

/**
 * What a page states about its article in markup: JSON-LD first, then OpenGraph and
 * {@code article:*} meta tags, other common meta tags, {@code <time datetime>}, the visible
 * {@code <h1>} and {@code <title>}. Fields the page does not state are {@code null}.
 */
final class PageMetadata {
  private static final List<String> DATE_META = List.of("article:published_time", "og:article:published_time",
      "datePublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
      "dc.date", "dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
      "citation_publication_date", "og:published_time", "published_time", "article_date_original");
  private static final List<String> AUTHOR_META = List.of("author", "article:author", "dc.creator", "byl",
      "parsely-author", "sailthru.author", "citation_author");

  private final Document page;
  private final JsonLd ld;
  private final Map<String, String> meta;

  /** How far from the headline a date line may be, in lines, and how long: datelines are short. */
  private static final int DATE_LINES_AFTER = 12;
  private static final int DATE_LINES_BEFORE = 4;
  private static final int DATE_LINE_MAX = 200;

  private PageMetadata(Document page, JsonLd ld) {
    this.page = page;
    this.ld = ld;
    this.meta = metaTags(page);
  }

  /** The page's metadata; {@code ld} is its JSON-LD article ({@link JsonLd#NONE} if none). */
  static Metadata of(Document page, JsonLd ld) {
    return new PageMetadata(page, ld).read();
  }

  private Metadata read() {
    String siteName = firstNonNull(ld.publisher(), meta("og:site_name"), meta("application-name"));
    String title = title(siteName);
    LocalDate shown = title == null ? null : dateShownUnder(title);
    return new Metadata(title, siteName, shown != null ? shown : date(), author(siteName), url());
  }

  /**
   * The date the page shows its readers beside the headline: the first date in the short lines
   * just after it (else just before it). It beats the markup's date, which is often the same
   * moment written in UTC, and so another day.
   */
  private LocalDate dateShownUnder(String title) {
    List<TextBlock> blocks = BlockWriter.write(List.of(page.body()), Furniture.nonText(page.body()));
    int at = -1;
    for (int i = 0; i < blocks.size() && at < 0; i++) {
      if (clean(blocks.get(i).text()).equals(title)) {
        at = i;
      }
    }
    if (at < 0) {
      return null;
    }
    VisibleDate reader = VisibleDate.forLanguage(language());
    List<Integer> near = new ArrayList<>();
    for (int i = at + 1; i < blocks.size() && i <= at + DATE_LINES_AFTER; i++) {
      near.add(i);
    }
    for (int i = at - 1; i >= 0 && i >= at - DATE_LINES_BEFORE; i--) {
      near.add(i);
    }
    for (int i : near) {
      String line = blocks.get(i).text();
      if (line.length() <= DATE_LINE_MAX) {
        LocalDate d = reader.find(line);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private String language() {
    Element html = page.selectFirst("html[lang]");
    String lang = html != null ? html.attr("lang") : meta("og:locale");
    return lang == null ? "" : lang.replace('_', '-');
  }

  /** The content of {@code <meta property|name|itemprop=key>}, or null. */
  private String meta(String key) {
    return meta.get(key.toLowerCase(Locale.ROOT));
  }

  /**
   * The visible headline: the {@code <h1>} that agrees with what the metadata calls the title
   * (pages often add the site's name to {@code <title>}, or shorten {@code og:title}), else the
   * metadata title with the site's name cut off.
   */
  private String title(String siteName) {
    List<String> stated = new ArrayList<>();
    for (String t : new String[] {ld.headline(), meta("og:title"), meta("twitter:title"), page.title()}) {
      if (t != null && !t.isBlank()) {
        stated.add(withoutSiteName(clean(t), siteName));
      }
    }
    List<String> headings = new ArrayList<>();
    for (Element h1 : page.select("h1")) {
      String text = clean(h1.text());
      if (text.length() >= 3 && text.length() <= 400) {
        headings.add(text);
      }
    }
    for (String h : headings) {
      for (String t : stated) {
        if (similar(h, t)) {
          return h;
        }
      }
    }
    // One headline on the page that the metadata words differently (an SEO title) is still the headline,
    // unless it is the site's name in a logo.
    if (headings.size() == 1 && headings.get(0).split("\\s+").length >= 3
        && (siteName == null || !similar(headings.get(0), siteName))
        && !isSiteNameInTitle(headings.get(0))) {
      return headings.get(0);
    }
    return stated.isEmpty() ? null : stated.get(0);
  }

  /** Whether {@code heading} is the site-name part of a "Headline | Site" {@code <title>}. */
  private boolean isSiteNameInTitle(String heading) {
    String full = clean(page.title());
    return full.endsWith(heading) && !full.equals(heading);
  }

  /** Whether two titles are the same headline: most words of the shorter appear in the longer. */
  static boolean similar(String a, String b) {
    Set<String> wa = words(a);
    Set<String> wb = words(b);
    if (wa.isEmpty() || wb.isEmpty()) {
      return false;
    }
    Set<String> small = wa.size() <= wb.size() ? wa : wb;
    Set<String> large = small == wa ? wb : wa;
    long shared = small.stream().filter(large::contains).count();
    return shared * 10 >= small.size() * 8 && small.size() * 3 >= large.size();
  }

  private static Set<String> words(String s) {
    Set<String> out = new HashSet<>();
    for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  /** "Headline | Site" or "Headline - Site" without the site's part. */
  private static String withoutSiteName(String title, String siteName) {
    for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: ", " « ", " » "}) {
      int cut = title.lastIndexOf(sep);
      if (cut > 0) {
        String tail = title.substring(cut + sep.length()).strip();
        boolean isSite = siteName != null && (similar(tail, siteName) || tail.equalsIgnoreCase(siteName));
        if (isSite || tail.split("\\s+").length <= 3 && cut > tail.length()) {
          return title.substring(0, cut).strip();
        }
      }
    }
    return title;
  }

  private LocalDate date() {
    LocalDate d = StatedDate.parse(ld.datePublished());
    for (int i = 0; d == null && i < DATE_META.size(); i++) {
      d = StatedDate.parse(meta(DATE_META.get(i)));
    }
    if (d == null) {
      Element itemprop = page.selectFirst("[itemprop=datePublished]");
      if (itemprop != null) {
        d = StatedDate.parse(firstNonNull(blankToNull(itemprop.attr("content")), blankToNull(itemprop.attr("datetime")), itemprop.text()));
      }
    }
    if (d == null) {
      for (Element time : page.select("time[datetime]")) {
        d = StatedDate.parse(time.attr("datetime"));
        if (d != null) {
          break;
        }
      }
    }
    return d;
  }

  private String author(String siteName) {
    if (ld.author() != null && !ld.author().equals(siteName)) {
      return ld.author();
    }
    for (String name : AUTHOR_META) {
      String a = meta(name);
      if (a != null && !a.startsWith("http") && !a.equals(siteName) && a.length() <= 200) {
        return a;
      }
    }
    return null;
  }

  private String url() {
    Element canonical = page.selectFirst("link[rel~=(?i)^canonical$][href]");
    String href = canonical == null ? null : canonical.attr("abs:href");
    if (href == null || href.isBlank()) {
      href = canonical == null ? null : blankToNull(canonical.attr("href"));
    }
    String url = firstNonNull(href, meta("og:url"), ld.url());
    return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
  }

  /** The page's {@code <meta property|name|itemprop=key content>} pairs, keys lower-cased, the first of each kept. */
  private static Map<String, String> metaTags(Document page) {
    Map<String, String> out = new HashMap<>();
    for (Element m : page.getElementsByTag("meta")) {
      String content = m.attr("content").strip();
      if (content.isEmpty()) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop"}) {
        String key = m.attr(attr).strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          out.putIfAbsent(key, clean(content));
        }
      }
    }
    return out;
  }

  private static String clean(String s) {
    return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
