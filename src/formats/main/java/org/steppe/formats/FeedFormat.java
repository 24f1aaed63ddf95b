package org.steppe.formats;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.steppe.formats.html.HtmlArticle;
import org.steppe.ingest.ArticleFormat;
import org.steppe.ingest.ExternalFormat;
import org.steppe.ingest.IngestListener;
import org.steppe.ingest.Markup;
import org.steppe.ingest.Metadata;
import org.steppe.ingest.SourceDocument;

/**
 * RSS (0.9x, 1.0, 2.0) and Atom feeds, read with Rome: {@code *.rss}, {@code *.atom}, and
 * {@code *.xml} files whose root element is {@code <rss>}, {@code <feed>} or {@code <rdf:RDF>}
 * (other XML files are skipped with a note). Each item is an article: its title, link, date,
 * author, and its content (else its description), HTML cleaned to text. An item's id is its
 * {@code guid} (Atom {@code id}), else its link, else the file and the item's position; the feed's
 * title is the articles' source. A feed that is not well-formed XML is skipped with the parser's
 * message and line.
 */
public final class FeedFormat implements ArticleFormat {
  private static final Pattern ROOT = Pattern.compile("<(?![?!])([\\w:.-]+)");

  @Override
  public boolean accepts(Path file) {
    return ExternalFormat.FEED.matches(file);
  }

  @Override
  public List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener) {
    if (relativePath.toLowerCase(Locale.ROOT).endsWith(".xml") && !isFeed(bytes)) {
      listener.skipped(relativePath, "XML, but not an RSS or Atom feed");
      return List.of();
    }
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
      feed = new SyndFeedInput().build(reader);
    } catch (ParsingFeedException e) {
      listener.skipped(relativePath, "not a well-formed feed (line " + e.getLineNumber() + "): " + e.getMessage());
      return List.of();
    } catch (FeedException | IOException | IllegalArgumentException e) {
      listener.skipped(relativePath, "not a readable RSS or Atom feed: " + e.getMessage());
      return List.of();
    }
    String source = blankToNull(feed.getTitle());
    List<SourceDocument> out = new ArrayList<>();
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry entry = entries.get(i);
      String link = blankToNull(entry.getLink());
      String uri = blankToNull(entry.getUri());
      String id = uri != null ? uri : link != null ? link : relativePath + "#" + (i + 1);
      Metadata stated = new Metadata(title(entry), source, date(entry), author(entry), link);
      out.add(new SourceDocument(id, relativePath, text(entry), stated, true));
    }
    if (out.isEmpty()) {
      listener.skipped(relativePath, "a feed with no items");
    }
    return out;
  }

  /** Whether an {@code .xml} file's root element is a feed's. */
  private static boolean isFeed(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
    Matcher m = ROOT.matcher(head.replaceAll("(?s)<!--.*?-->", ""));
    if (!m.find()) {
      return false;
    }
    String root = m.group(1);
    String local = root.substring(root.indexOf(':') + 1);
    return local.equals("rss") || local.equals("feed") || local.equals("RDF");
  }

  private static String title(SyndEntry entry) {
    String title = blankToNull(entry.getTitle());
    return title != null && Markup.isMarkup(title) ? blankToNull(HtmlArticle.readFragment(title).text()) : title;
  }

  /** The item's content, else its description, as text. */
  private static String text(SyndEntry entry) {
    SyndContent best = null;
    for (SyndContent c : entry.getContents()) {
      if (c.getValue() != null && (best == null || c.getValue().length() > best.getValue().length())) {
        best = c;
      }
    }
    if (best == null || best.getValue().isBlank()) {
      best = entry.getDescription();
    }
    if (best == null || best.getValue() == null) {
      return "";
    }
    String value = best.getValue();
    String type = best.getType() == null ? "" : best.getType().toLowerCase(Locale.ROOT);
    return type.contains("html") || Markup.isMarkup(value) ? HtmlArticle.readFragment(value).text() : value.strip();
  }

  /** The publication date (else the last update) as the day it was in UTC: feeds state an instant. */
  private static LocalDate date(SyndEntry entry) {
    Date d = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static String author(SyndEntry entry) {
    String author = blankToNull(entry.getAuthor());
    if (author != null) {
      return author;
    }
    List<String> names = new ArrayList<>();
    for (SyndPerson p : entry.getAuthors()) {
      if (blankToNull(p.getName()) != null) {
        names.add(p.getName().strip());
      }
    }
    return names.isEmpty() ? null : String.join(", ", names);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
