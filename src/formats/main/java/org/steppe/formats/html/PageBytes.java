package org.steppe.formats.html;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.steppe.ingest.DecodedText;

/**
 * A saved page's bytes turned into markup: gunzipped when compressed (a truncated stream keeps what
 * arrived), then decoded with the charset the bytes really are, which is not always the one the
 * page declares.
 *
 * @param html the page's markup
 * @param charset the charset it was decoded with
 * @param warnings what was not as it should be, in words a user understands
 */
public record PageBytes(String html, Charset charset, List<String> warnings) {
  /** A decompressed page larger than this is cut: no article needs it, and a gzip bomb would. */
  public static final int MAX_PAGE_BYTES = 64 * 1024 * 1024;
  /** The charset a page declares: {@code <meta charset>}, {@code http-equiv} content type or an XML declaration. */
  private static final Pattern DECLARED = Pattern.compile(
      "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([\\w.:-]{1,40})|<\\?xml[^>]{0,100}?encoding\\s*=\\s*[\"']([\\w.:-]{1,40})",
      Pattern.CASE_INSENSITIVE);

  /**
   * Decodes a page.
   *
   * @param compressed whether the bytes are gzip data (a {@code .gz} file)
   * @throws IOException when compressed bytes are not gzip data at all, or the page is binary data
   */
  public static PageBytes decode(byte[] bytes, boolean compressed) throws IOException {
    List<String> warnings = new ArrayList<>();
    byte[] raw = compressed ? gunzip(bytes, warnings) : bytes;
    DecodedText text = DecodedText.decode(raw); // a byte-order mark's encoding, else strict UTF-8, else Windows-1252
    Optional<Charset> declared = declared(raw, warnings);
    boolean declaredUtf8 = declared.isPresent() && declared.get().equals(StandardCharsets.UTF_8);
    PageBytes page;
    if (!text.fellBack()) {
      // Valid UTF-8 is read as UTF-8 whatever the page declares: no other charset produces it by
      // chance once a page has a few accented letters.
      if (text.charset().equals(StandardCharsets.UTF_8) && declared.isPresent() && !declaredUtf8 && !isAscii(raw)) {
        warnings.add("declares " + declared.get().name() + " but is UTF-8; read as UTF-8");
      }
      page = new PageBytes(text.text(), text.charset(), List.copyOf(warnings));
    } else if (declared.isPresent() && !declaredUtf8) {
      page = new PageBytes(new String(raw, declared.get()), declared.get(), List.copyOf(warnings));
    } else if (mostlyUtf8(raw)) {
      warnings.add("not valid UTF-8 in places; the broken bytes are replaced");
      page = new PageBytes(new String(raw, StandardCharsets.UTF_8), StandardCharsets.UTF_8, List.copyOf(warnings));
    } else {
      warnings.add((declaredUtf8 ? "declares UTF-8 but is not" : "not valid UTF-8") + "; read as " + text.charset().name());
      page = new PageBytes(text.text(), text.charset(), List.copyOf(warnings));
    }
    if (new DecodedText(page.html(), page.charset(), false).looksBinary()) {
      throw new IOException("binary data, not a web page");
    }
    return page;
  }

  private static Optional<Charset> declared(byte[] raw, List<String> warnings) {
    // Declarations live in the head: the first few KB are enough, and ASCII-compatible in every charset a page may declare.
    String head = new String(raw, 0, Math.min(raw.length, 8192), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return Optional.empty();
    }
    String name = m.group(1) != null ? m.group(1) : m.group(2);
    try {
      Charset cs = Charset.forName(name.strip());
      // A page that is ASCII in its head cannot be UTF-16 however it is labelled; browsers ignore that label too.
      return cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32") ? Optional.of(StandardCharsets.UTF_8) : Optional.of(cs);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      warnings.add("declares an unknown charset \"" + name + "\"");
      return Optional.empty();
    }
  }

  private static byte[] gunzip(byte[] bytes, List<String> warnings) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
    byte[] buf = new byte[64 * 1024];
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), buf.length)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > MAX_PAGE_BYTES) {
          out.write(buf, 0, MAX_PAGE_BYTES - out.size());
          warnings.add("over " + MAX_PAGE_BYTES / (1024 * 1024) + " MB once decompressed; the rest is ignored");
          break;
        }
        out.write(buf, 0, n);
      }
    } catch (EOFException | ZipException e) {
      if (out.size() == 0) {
        throw new IOException("not gzip data, or nothing readable in it: " + e.getMessage(), e);
      }
      warnings.add("gzip data is truncated or damaged; read the first " + out.size() / 1024 + " KB");
    }
    return out.toByteArray();
  }

  private static boolean isAscii(byte[] b) {
    for (byte x : b) {
      if (x < 0) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 with a few broken bytes: multi-byte sequences decode, and broken ones are under one in twenty. */
  private static boolean mostlyUtf8(byte[] raw) {
    String lenient = new String(raw, StandardCharsets.UTF_8);
    long broken = lenient.chars().filter(c -> c == '\uFFFD').count();
    long multiByte = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD').count();
    return multiByte > 0 && broken * 20 < multiByte;
  }
}
