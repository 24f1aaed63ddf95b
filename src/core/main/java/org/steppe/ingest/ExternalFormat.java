package org.steppe.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of article file whose readers live outside the core, in steppe-formats (web pages with
 * jsoup, feeds with Rome), by how their names end. Named here so that, when no reader for them is
 * on the classpath, such files are skipped with a warning rather than passed over in silence.
 */
public enum ExternalFormat {
  /** Saved web pages, plain or gzip-compressed. */
  WEB_PAGE("web pages", List.of(".html", ".htm", ".html.gz", ".htm.gz")),
  /** RSS and Atom feeds ({@code .xml} files may be feeds: the reader looks at the root element). */
  FEED("RSS and Atom feeds", List.of(".rss", ".atom", ".xml"));

  /** The artifact that holds the readers of these formats. */
  public static final String MODULE = "org.steppe:steppe-formats";

  private final String what;
  private final List<String> endings;

  ExternalFormat(String what, List<String> endings) {
    this.what = what;
    this.endings = endings;
  }

  /** Whether {@code file}'s name says it is of this kind. */
  public boolean matches(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return endings.stream().anyMatch(name::endsWith);
  }

  /** The kind in words, plural ("web pages"). */
  public String what() {
    return what;
  }
}
