package org.steppe.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file's bytes decoded as text: in the UTF-16 or UTF-32 encoding a byte-order mark names, else
 * UTF-8 when they are valid UTF-8, else Windows-1252.
 *
 * @param text the decoded text, without a leading byte-order mark
 * @param charset the charset used
 * @param fellBack true when the bytes were not valid UTF-8 and Windows-1252 was used instead
 */
public record DecodedText(String text, Charset charset, boolean fellBack) {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Decodes {@code bytes}: by their byte-order mark when they start with one, else strictly as UTF-8 first. */
  public static DecodedText decode(byte[] bytes) {
    Bom bom = Bom.of(bytes);
    if (bom != null && bom.charset() != StandardCharsets.UTF_8) {
      try {
        return new DecodedText(strict(bom.charset(), bytes, bom.length()), bom.charset(), false);
      } catch (CharacterCodingException e) {
        // Not really that encoding after all (a Windows-1252 file may start with ÿþ): read on as usual.
      }
    }
    try {
      return new DecodedText(stripBom(strict(StandardCharsets.UTF_8, bytes, 0)), StandardCharsets.UTF_8, false);
    } catch (CharacterCodingException e) {
      // Windows-1252 maps every byte a Latin-1 file uses for text, and fixes curly quotes besides.
      return new DecodedText(new String(bytes, WINDOWS_1252), WINDOWS_1252, true);
    }
  }

  /**
   * A text file's content, decoded; empty (and reported to {@code listener}) when the bytes are
   * binary or hold no text. A file that is not valid UTF-8 is read as Windows-1252 with a warning.
   */
  public static Optional<String> read(String relativePath, byte[] bytes, IngestListener listener) {
    DecodedText decoded = decode(bytes);
    if (decoded.looksBinary()) {
      listener.skipped(relativePath, "binary file, not text");
      return Optional.empty();
    }
    if (decoded.text().isBlank()) {
      listener.skipped(relativePath, "empty file");
      return Optional.empty();
    }
    if (decoded.fellBack()) {
      listener.warning(relativePath, "not valid UTF-8; read as " + decoded.charset().name());
    }
    return Optional.of(decoded.text());
  }

  private static String strict(Charset charset, byte[] bytes, int from) throws CharacterCodingException {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
        .toString();
  }

  /** A byte-order mark: the encoding it names and its length in bytes. */
  private record Bom(Charset charset, int length) {
    /** The mark {@code bytes} start with, or {@code null}; UTF-32's marks are tested before UTF-16's, which they begin with. */
    static Bom of(byte[] b) {
      if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
        return new Bom(Charset.forName("UTF-32BE"), 4);
      }
      if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
        return new Bom(Charset.forName("UTF-32LE"), 4);
      }
      if (starts(b, 0xEF, 0xBB, 0xBF)) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (starts(b, 0xFE, 0xFF)) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (starts(b, 0xFF, 0xFE)) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
      if (bytes.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if ((bytes[i] & 0xFF) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Whether this looks like a binary file rather than text: a NUL, or many control characters, in
   * the first 8,192 characters. Judged on the decoded text, so UTF-16 text (full of NUL bytes) is text.
   */
  public boolean looksBinary() {
    int n = Math.min(text.length(), 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      if (c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 3) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }
}
