package org.steppe.ingest.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

  private PageMetadata() {}

  /** The page's metadata; {@code ld} is its JSON-LD article ({@link JsonLd#NONE} if none). */
  static Metadata of(Document page, JsonLd ld) {
    String siteName = firstNonNull(ld.publisher(), meta(page, "og:site_name"), meta(page, "application-name"));
    return new Metadata(title(page, ld, siteName), siteName, date(page, ld), author(page, ld, siteName), url(page, ld));
  }

  /**
   * The visible headline: the {@code <h1>} that agrees with what the metadata calls the title
   * (pages often add the site's name to {@code <title>}, or shorten {@code og:title}), else the
   * metadata title with the site's name cut off.
   */
  private static String title(Document page, JsonLd ld, String siteName) {
    List<String> stated = new ArrayList<>();
    for (String t : new String[] {ld.headline(), meta(page, "og:title"), meta(page, "twitter:title"), page.title()}) {
      if (t != null && !t.isBlank()) {
        stated.add(clean(t));
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
    if (!stated.isEmpty()) {
      return withoutSiteName(stated.get(0), siteName);
    }
    return headings.size() == 1 ? headings.get(0) : null;
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

  private static java.time.LocalDate date(Document page, JsonLd ld) {
    java.time.LocalDate d = StatedDate.parse(ld.datePublished());
    for (int i = 0; d == null && i < DATE_META.size(); i++) {
      d = StatedDate.parse(meta(page, DATE_META.get(i)));
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

  private static String author(Document page, JsonLd ld, String siteName) {
    if (ld.author() != null && !ld.author().equals(siteName)) {
      return ld.author();
    }
    for (String name : AUTHOR_META) {
      String a = meta(page, name);
      if (a != null && !a.startsWith("http") && !a.equals(siteName) && a.length() <= 200) {
        return a;
      }
    }
    return null;
  }

  private static String url(Document page, JsonLd ld) {
    Element canonical = page.selectFirst("link[rel~=(?i)^canonical$][href]");
    String href = canonical == null ? null : canonical.attr("abs:href");
    if (href == null || href.isBlank()) {
      href = canonical == null ? null : blankToNull(canonical.attr("href"));
    }
    String url = firstNonNull(href, meta(page, "og:url"), ld.url());
    return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
  }

  /** The content of {@code <meta property|name|itemprop=key>}, matched case-insensitively, or null. */
  static String meta(Document page, String key) {
    for (Element m : page.getElementsByTag("meta")) {
      for (String attr : new String[] {"property", "name", "itemprop"}) {
        if (m.attr(attr).equalsIgnoreCase(key)) {
          String content = m.attr("content").strip();
          if (!content.isEmpty()) {
            return clean(content);
          }
        }
      }
    }
    return null;
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
