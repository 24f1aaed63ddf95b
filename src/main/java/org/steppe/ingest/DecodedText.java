package org.steppe.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file's bytes decoded as text: UTF-8 when they are valid UTF-8, Windows-1252 otherwise.
 *
 * @param text the decoded text, without a leading byte-order mark
 * @param charset the charset used
 * @param fellBack true when the bytes were not valid UTF-8 and Windows-1252 was used instead
 */
public record DecodedText(String text, Charset charset, boolean fellBack) {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Decodes {@code bytes}, strictly as UTF-8 first. */
  public static DecodedText decode(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return new DecodedText(stripBom(text), StandardCharsets.UTF_8, false);
    } catch (CharacterCodingException e) {
      // Windows-1252 maps every byte a Latin-1 file uses for text, and fixes curly quotes besides.
      return new DecodedText(new String(bytes, WINDOWS_1252), WINDOWS_1252, true);
    }
  }

  /**
   * A text file's content, decoded; empty (and reported to {@code listener}) when the bytes are
   * binary. A file that is not valid UTF-8 is read as Windows-1252 with a warning.
   */
  public static Optional<String> read(String relativePath, byte[] bytes, IngestListener listener) {
    if (looksBinary(bytes)) {
      listener.skipped(relativePath, "binary file, not text");
      return Optional.empty();
    }
    DecodedText decoded = decode(bytes);
    if (decoded.fellBack()) {
      listener.warning(relativePath, "not valid UTF-8; read as " + decoded.charset().name());
    }
    return Optional.of(decoded.text());
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Whether the bytes look like a binary file rather than text: a NUL byte, or many control
   * characters, in the first 8 KiB.
   */
  public static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 32 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 3) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }
}
