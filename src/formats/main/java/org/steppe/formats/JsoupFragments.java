package org.steppe.formats;

import org.steppe.formats.html.HtmlArticle;
import org.steppe.ingest.HtmlFragmentReader;

/** Reads the HTML of JSON Lines bodies (and any other fragment the core meets) with jsoup, as web pages are read. */
public final class JsoupFragments implements HtmlFragmentReader {
  @Override
  public String text(String html) {
    return HtmlArticle.readFragment(html).text();
  }
}
