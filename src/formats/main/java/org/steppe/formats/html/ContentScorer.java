package org.steppe.formats.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds the element that holds a page's article: every paragraph of real prose (long, with
 * commas, few links) votes for its parent and, less, for the ancestors above; class names such as
 * "article-body" add to an element's weight and "sidebar" takes away; the winner's link density
 * discounts it. This is the idea Readability popularised, with counts taken in one pass.
 */
final class ContentScorer {
  private static final Set<String> PARAGRAPH_TAGS = Set.of("p", "pre", "td", "blockquote", "div", "section", "article",
      "main", "dd", "center", "font", "span", "li");
  private static final Pattern POSITIVE = Pattern.compile(
      "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|copy", Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATIVE = Pattern.compile(
      "comment|meta|footer|footnote|masthead|media|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
          + "sponsor|shopping|tags|widget|nav|menu|header|byline|caption|hidden|banner|ad-|social|subscribe|newsletter",
      Pattern.CASE_INSENSITIVE);
  private static final int MIN_PARAGRAPH = 20;

  private final ElementStats stats;
  private final Map<Element, Double> scores = new IdentityHashMap<>();
  // The scored elements in the order they were first scored, which follows the page: walked instead
  // of the map, whose order (identity hashes) differs on every read, so ties go the same way each time.
  private final List<Element> candidates = new ArrayList<>();

  private ContentScorer(ElementStats stats) {
    this.stats = stats;
  }

  /** The elements holding the article, in page order: the best candidate and the siblings that share its content. */
  static List<Element> content(Element body, ElementStats stats) {
    ContentScorer s = new ContentScorer(stats);
    for (Element e : body.getAllElements()) {
      s.vote(e);
    }
    Element top = s.top();
    if (top == null) {
      return List.of(body);
    }
    top = s.climb(top);
    return s.withSiblings(top);
  }

  private void vote(Element e) {
    if (!PARAGRAPH_TAGS.contains(e.normalName())) {
      return;
    }
    ElementStats.Counts c = stats.get(e);
    if (c.ownChars < MIN_PARAGRAPH) {
      return;
    }
    double ownLinks = c.ownChars == 0 ? 0 : (double) c.ownLinkChars / c.ownChars;
    double score = (1 + c.ownCommas + Math.min(c.ownChars / 85, 3)) * (1 - ownLinks);
    // A container holding its text directly (not in <p>s) is a candidate itself, as its parent is.
    Element ancestor = e.normalName().equals("p") || e.normalName().equals("li") ? e.parent() : e;
    for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
      double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
      Double sum = scores.get(ancestor);
      if (sum == null) {
        candidates.add(ancestor);
        sum = initial(ancestor);
      }
      scores.put(ancestor, sum + score / divider);
    }
  }

  /** An element's starting score: its kind of tag and its class names. */
  private static double initial(Element e) {
    double base = switch (e.normalName()) {
      case "div", "article", "main" -> 5;
      case "pre", "td", "blockquote", "section" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
    return base + classWeight(e);
  }

  static double classWeight(Element e) {
    double w = 0;
    String names = Furniture.names(e);
    if (!names.isEmpty()) {
      if (NEGATIVE.matcher(names).find()) {
        w -= 25;
      }
      if (POSITIVE.matcher(names).find()) {
        w += 25;
      }
    }
    if (e.normalName().equals("article") || "articleBody".equals(e.attr("itemprop"))) {
      w += 25;
    }
    return w;
  }

  private double adjusted(Element e) {
    return scores.getOrDefault(e, 0.0) * (1 - stats.get(e).linkDensity());
  }

  private Element top() {
    Element best = null;
    double bestScore = 0;
    for (Element e : candidates) {
      double s = adjusted(e);
      if (s > bestScore || (s == bestScore && best != null && e.siblingIndex() < best.siblingIndex())) {
        best = e;
        bestScore = s;
      }
    }
    return best;
  }

  /**
   * Climbs from the best candidate to an ancestor that holds more of the article: one that several
   * other strong candidates share (an article split into several containers), or a parent that is
   * its only content.
   */
  private Element climb(Element best) {
    Element top = best;
    double topScore = adjusted(best);
    List<Element> strong = candidates.stream()
        .filter(e -> e != best && adjusted(e) >= 0.75 * topScore)
        .sorted(java.util.Comparator.comparingDouble(this::adjusted).reversed())
        .limit(4)
        .toList();
    if (strong.size() >= 2) {
      for (Element a = top.parent(); a != null && !a.normalName().equals("body"); a = a.parent()) {
        int inside = 0;
        for (Element e : strong) {
          if (isAncestor(a, e)) {
            inside++;
          }
        }
        if (inside >= 2) {
          top = a;
          break;
        }
      }
    }
    for (Element p = top.parent(); p != null && !p.normalName().equals("body") && stats.get(p).chars <= stats.get(top).chars * 1.05;
        p = p.parent()) {
      top = p;
    }
    return top;
  }

  private static boolean isAncestor(Element a, Element e) {
    for (Element x = e.parent(); x != null; x = x.parent()) {
      if (x == a) {
        return true;
      }
    }
    return false;
  }

  /** The best candidate with those of its siblings that look like more of the same article. */
  private List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double threshold = Math.max(10, adjusted(top) * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        out.add(sibling);
        continue;
      }
      ElementStats.Counts c = stats.get(sibling);
      // An article split into sections often repeats its container's class name: a section of
      // prose with the same name is more of it. Other siblings must score well with few links.
      boolean sameKind = !top.className().isEmpty() && top.className().equals(sibling.className());
      boolean prose = c.proseChars >= 150 && c.proseChars * 2 >= c.chars && c.linkDensity() < 0.2;
      boolean paragraph = sibling.normalName().equals("p") && c.chars > 80 && c.linkDensity() < 0.25;
      if ((adjusted(sibling) >= threshold && c.linkDensity() < 0.3) || (sameKind && prose) || paragraph) {
        out.add(sibling);
      }
    }
    return out;
  }
}
