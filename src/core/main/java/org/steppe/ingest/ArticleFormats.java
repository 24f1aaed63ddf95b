package org.steppe.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The formats a corpus is read with: the core's own (plain text, Reuters-21578 SGML, JSON Lines)
 * and those other jars register with {@link ServiceLoader} as {@link ArticleFormat} and
 * {@link HtmlFragmentReader} providers (steppe-formats: web pages, RSS and Atom feeds, HTML in
 * JSON Lines bodies). A web page or feed met with no reader on the classpath is skipped with a
 * warning naming the file, never a failure.
 */
public final class ArticleFormats {
  private ArticleFormats() {}

  /** Found once: the classpath does not change while a program runs. */
  private static final class Found {
    static final List<ArticleFormat> ALL = discover();
  }

  /** Every format available, in the order they are asked whether they read a file. */
  public static List<ArticleFormat> available() {
    return Found.ALL;
  }

  private static List<ArticleFormat> discover() {
    // The core's own class loader: the readers sit beside the core, whatever loader a calling thread has.
    ClassLoader loader = ArticleFormats.class.getClassLoader();
    HtmlFragmentReader html = null;
    List<ArticleFormat> external = new ArrayList<>();
    String missing = "not on the classpath";
    try {
      html = ServiceLoader.load(HtmlFragmentReader.class, loader).findFirst().orElse(null);
      ServiceLoader.load(ArticleFormat.class, loader).forEach(external::add);
    } catch (ServiceConfigurationError | LinkageError e) {
      // A reader jar without its parser (or a broken one): its files are skipped and say why.
      html = null;
      external.clear();
      missing = "on the classpath but could not be loaded (" + e.getMessage() + ")";
    }
    List<ArticleFormat> all = new ArrayList<>(List.of(new PlainTextFormat(), new ReutersSgmlFormat(), new JsonLinesFormat(html)));
    all.addAll(external);
    all.add(new MissingReader(missing));
    return List.copyOf(all);
  }
}
