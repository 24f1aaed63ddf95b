package org.steppe.ingest;

import java.nio.file.Path;
import java.util.List;

/** A {@code .txt} file is one article whose id is its relative path. */
public final class PlainTextFormat implements ArticleFormat {
  @Override
  public boolean accepts(Path file) {
    return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".txt");
  }

  @Override
  public List<SourceDocument> read(String relativePath, byte[] bytes, IngestListener listener) {
    return DecodedText.read(relativePath, bytes, listener)
        .map(text -> List.of(new SourceDocument(relativePath, relativePath, text, Metadata.NONE)))
        .orElse(List.of());
  }
}
