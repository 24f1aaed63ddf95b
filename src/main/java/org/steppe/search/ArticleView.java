package org.steppe.search;

import java.util.List;
import org.steppe.index.StoredEnrichment;

/**
 * One article as stored: clean body, metadata, and entities and quotes with offsets into {@code body}.
 *
 * @param entities each with mentions whose {@code start}/{@code end} index {@code body}
 * @param quotes each with {@code start}/{@code end} indexing {@code body} (-1 when outside it)
 */
public record ArticleView(String id, String file, String title, String source, String date, String author, String url,
    String body, List<StoredEnrichment.StoredEntity> entities, List<StoredEnrichment.StoredQuote> quotes) {}
