package org.steppe.formats.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org article a page describes in its JSON-LD scripts ({@code NewsArticle},
 * {@code Article}, {@code BlogPosting}…), found at the top level, in arrays or in {@code @graph}.
 *
 * @param headline {@code headline} (or {@code name}), or null
 * @param datePublished as written, or null
 * @param author the authors' names joined by ", ", or null
 * @param publisher the publisher's name, or null
 * @param url {@code url} or {@code mainEntityOfPage}, or null
 * @param articleBody the article's text as the page states it, or null
 */
record JsonLd(String headline, String datePublished, String author, String publisher, String url, String articleBody) {
  static final JsonLd NONE = new JsonLd(null, null, null, null, null, null);
  private static final ObjectMapper JSON = JsonMapper.builder()
      // Pages write JSON by hand: raw line breaks in strings, comments and trailing commas are common.
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .build();
  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
      "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle",
      "techarticle", "scholarlyarticle", "report", "liveblogposting", "socialmediaposting", "posting", "review");
  /** Bound on the objects visited per script, so a hostile page cannot make this slow. */
  private static final int MAX_NODES = 20_000;

  /** The first article object among the page's JSON-LD scripts; {@link #NONE} when there is none. */
  static JsonLd of(Document page) {
    JsonNode best = null;
    for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
      for (JsonNode article : articles(script.data())) {
        // Prefer the object that carries the body, then the first one.
        if (best == null || (!best.hasNonNull("articleBody") && article.hasNonNull("articleBody"))) {
          best = article;
        }
      }
    }
    return best == null ? NONE : new JsonLd(text(best, "headline", "name"), text(best, "datePublished", "dateCreated"),
        names(best.get("author")), names(best.get("publisher")), url(best), text(best, "articleBody"));
  }

  private static List<JsonNode> articles(String json) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode root;
    try (JsonParser p = JSON.createParser(json.strip())) {
      root = JSON.readTree(p);
    } catch (java.io.IOException | RuntimeException e) {
      return out; // a broken script is ignored: the page's other metadata still counts
    }
    if (root == null) {
      return out;
    }
    Deque<JsonNode> todo = new ArrayDeque<>(List.of(root));
    int visited = 0;
    while (!todo.isEmpty() && visited++ < MAX_NODES) {
      JsonNode n = todo.pop();
      if (n.isArray()) {
        n.forEach(todo::add);
      } else if (n.isObject()) {
        if (isArticle(n.get("@type"))) {
          out.add(n);
        }
        for (String key : List.of("@graph", "mainEntity", "itemListElement")) {
          if (n.has(key)) {
            todo.add(n.get(key));
          }
        }
      }
    }
    return out;
  }

  private static boolean isArticle(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode t : type) {
        if (isArticle(t)) {
          return true;
        }
      }
      return false;
    }
    String t = type.asText();
    return ARTICLE_TYPES.contains(t.substring(t.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT));
  }

  private static String text(JsonNode n, String... fields) {
    for (String f : fields) {
      JsonNode v = n.get(f);
      if (v != null && v.isArray() && !v.isEmpty()) {
        v = v.get(0);
      }
      if (v != null && v.isValueNode() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  /** A person or organisation as a name: a string, {@code {name}}, or an array of either. */
  private static String names(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (JsonNode one : v.isArray() ? v : List.of(v)) {
      String name = one.isObject() ? text(one, "name") : one.isValueNode() ? one.asText().strip() : null;
      if (name != null && !name.isEmpty() && !name.startsWith("http") && !names.contains(name)) {
        names.add(name);
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String url(JsonNode n) {
    String url = text(n, "url");
    if (url == null) {
      JsonNode main = n.get("mainEntityOfPage");
      url = main == null ? null : main.isObject() ? text(main, "@id", "url") : main.isValueNode() ? main.asText() : null;
    }
    return url != null && url.startsWith("http") ? url : null;
  }
}
