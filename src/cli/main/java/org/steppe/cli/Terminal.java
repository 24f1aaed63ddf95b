package org.steppe.cli;

/** Turns an HTML snippet into terminal text: marks become brackets, entities are decoded. */
final class Terminal {
  private Terminal() {}

  static String plain(String html) {
    if (html == null) {
      return "";
    }
    String s = html.replace("<mark>", "[").replace("</mark>", "]").replaceAll("\\s+", " ").strip();
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'").replace("&#39;", "'");
    s = s.replace("&#x2F;", "/").replace("&amp;", "&");
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }
}
