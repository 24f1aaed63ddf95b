package org.steppe.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.steppe.formats.html.HtmlArticle;
import org.steppe.formats.html.PageBytes;
import org.steppe.ingest.ArticleFormat;
import org.steppe.ingest.ExternalFormat;
import org.steppe.ingest.IngestListener;
import org.steppe.ingest.SourceDocument;

/**
 * A saved web page ({@code .html}, {@code .htm}, either gzip-compressed as {@code .html.gz} or
 * {@code .htm.gz}) is one article: its main content, without the page's navigation, ads and
 * comment threads, and the metadata its markup states. Its id is its relative path; its text, which
 * offsets index, is the article's paragraphs separated by blank lines (the headline is metadata).
 */
public final class HtmlFormat implements ArticleFormat {
  @Override
  public boolean accepts(Path file) {
    return ExternalFormat.WEB_PAGE.matches(file);
  }

  @Override
  public List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener) {
    PageBytes page;
    try {
      page = PageBytes.decode(bytes, relativePath.toLowerCase(Locale.ROOT).endsWith(".gz"));
    } catch (IOException e) {
      listener.skipped(relativePath, e.getMessage());
      return List.of();
    }
    for (String warning : page.warnings()) {
      listener.warning(relativePath, warning);
    }
    HtmlArticle article = HtmlArticle.read(page.html(), "");
    return List.of(new SourceDocument(relativePath, relativePath, article.text(), article.metadata(), true));
  }
}
