package org.steppe.formats.html;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the parts of a page that are never article text: scripts, forms' controls, navigation,
 * hidden elements, and blocks whose class or id names them as comments, sharing buttons, related
 * stories, ads, cookie banners and the like. They are marked rather than removed, so that a page
 * with a hundred thousand of them still costs one pass.
 */
final class Furniture {
  /** Elements whose content is never article text. */
  private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg", "math", "canvas",
      "iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "map", "button", "select", "option",
      "input", "textarea", "label", "nav", "aside", "footer", "dialog", "menu", "head", "title", "meta", "link", "figure",
      "figcaption");
  /**
   * Class and id words of page furniture: how sites name comment threads, share bars, related and
   * recommended stories, newsletter and cookie boxes, ads, sidebars, breadcrumbs and menus.
   */
  private static final Pattern FURNITURE = Pattern.compile(
      "comment|disqus|replies|share|sharing|social|related|recommend|more-stories|read-more|readmore|newsletter|"
          + "subscri|signup|sign-up|cookie|consent|gdpr|advert|sponsor|promo|banner|sidebar|side-bar|breadcrumb|"
          + "nav|menu|footer|masthead|popup|modal|overlay|taboola|outbrain|trending|most-read|mostread|most-popular|"
          + "widget|tags|tag-list|byline|author-bio|related|pagination|pager|print|skip-link|rss|"
          + "(^|[\\s_-])ads?([\\s_-]|$)|(^|[\\s_-])ad-|dfp|gpt|teaser|carousel|slider",
      Pattern.CASE_INSENSITIVE);
  /** Class and id words of an article's own container: these win over a furniture word in the same name. */
  private static final Pattern CONTENT = Pattern.compile(
      "article|body|content|entry|main|post|story|text|blog", Pattern.CASE_INSENSITIVE);
  /**
   * Class and id words of the small print around an article: captions, credits, bylines, dates.
   * They mark only small elements, since a container named "article-meta" may hold the article too.
   */
  private static final Pattern SMALL_PRINT = Pattern.compile(
      "caption|credit|byline|dateline|timestamp|date|time|author|meta|published|updated|posted|label|kicker|eyebrow",
      Pattern.CASE_INSENSITIVE);
  private static final int SMALL_PRINT_CHARS = 300;
  private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

  private Furniture() {}

  /**
   * The furniture elements under {@code root} (each marks its whole subtree). An element that a
   * class name or style would mark but that holds most of the page's prose is kept: sites wrap whole
   * pages in containers named "slider" or "js-hidden", and losing the article is the worse error.
   */
  static Set<Element> of(Element root) {
    Set<Element> tags = nonText(root);
    ElementStats stats = ElementStats.of(root, tags);
    int pageProse = prose(stats.get(root));
    return mark(root, tags, (e, s) -> (isFurnitureByName(e) && prose(stats.get(e)) * 2 < pageProse)
        || (stats.get(e).chars < SMALL_PRINT_CHARS && !Blocks.isHeading(e) && SMALL_PRINT.matcher(names(e)).find()));
  }

  /** The elements under {@code root} whose content is never text a reader sees (scripts, styles, forms' controls…). */
  static Set<Element> nonText(Element root) {
    return mark(root, Set.of(), (e, stats) -> isFurnitureTag(e));
  }

  private interface Test {
    boolean furniture(Element e, ElementStats stats);
  }

  private static Set<Element> mark(Element root, Set<Element> known, Test test) {
    Set<Element> out = Collections.newSetFromMap(new IdentityHashMap<>());
    NodeTraversor.filter((node, depth) -> {
      if (node instanceof Element e && e != root && (known.contains(e) || test.furniture(e, null))) {
        out.add(e);
        return NodeFilter.FilterResult.SKIP_ENTIRELY;
      }
      return NodeFilter.FilterResult.CONTINUE;
    }, root);
    return out;
  }

  private static int prose(ElementStats.Counts c) {
    return c.chars - c.linkChars;
  }

  private static boolean isFurnitureTag(Element e) {
    return NEVER_TEXT.contains(e.normalName());
  }

  private static boolean isFurnitureByName(Element e) {
    String tag = e.normalName();
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty() && HIDDEN_STYLE.matcher(style).find()) {
      return true;
    }
    String role = e.attr("role").toLowerCase(Locale.ROOT);
    if (role.equals("navigation") || role.equals("complementary") || role.equals("contentinfo") || role.equals("banner")
        || role.equals("dialog") || role.equals("alertdialog") || role.equals("menu")) {
      return true;
    }
    if (tag.equals("body") || tag.equals("html") || tag.equals("a") || tag.equals("article") || tag.equals("main")) {
      return false;
    }
    String names = names(e);
    return !names.isEmpty() && FURNITURE.matcher(names).find() && !CONTENT.matcher(names).find();
  }

  /** An element's class and id, for matching. */
  static String names(Element e) {
    String cls = e.className();
    String id = e.id();
    return cls.isEmpty() ? id : id.isEmpty() ? cls : cls + " " + id;
  }
}
