package org.steppe.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/** Deep-paging cursors: the last hit of a page, as an opaque string. */
final class Cursor {
  private Cursor() {}

  static String encode(ScoreDoc last) {
    // A date-sorted page ends on (date, id): the id, which may hold any character, goes in as Base64.
    String raw = last instanceof FieldDoc fd && fd.fields != null && fd.fields.length > 1 && fd.fields[0] instanceof Long v
        && fd.fields[1] instanceof BytesRef id
        ? "d:" + fd.doc + ":" + v + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(id).bytes)
        : "r:" + last.doc + ":" + Float.floatToIntBits(last.score);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static ScoreDoc decode(String cursor, SortOrder sort) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      int doc = Integer.parseInt(p[1]);
      if (p[0].equals("d") && sort != SortOrder.RELEVANCE) {
        return new FieldDoc(doc, Float.NaN, new Object[] {Long.parseLong(p[2]), new BytesRef(Base64.getUrlDecoder().decode(p[3]))});
      }
      if (p[0].equals("r") && sort == SortOrder.RELEVANCE) {
        return new ScoreDoc(doc, Float.intBitsToFloat(Integer.parseInt(p[2])));
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("the cursor is not valid for this search; start again from the first page");
  }
}
