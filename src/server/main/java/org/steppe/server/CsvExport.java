package org.steppe.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Streams rows as RFC 4180 CSV (header row, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break), with cells that a spreadsheet would run as a formula defused.
 */
final class CsvExport<H> extends Export<H> {
  private Writer out;

  CsvExport(List<Column<H>> columns, Download download, String fileName) {
    super(columns, download, fileName);
  }

  @Override
  protected String contentType() {
    return "text/csv; charset=utf-8";
  }

  @Override
  protected String extension() {
    return "csv";
  }

  @Override
  protected void begin(OutputStream stream) throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    for (int i = 0; i < columns.size(); i++) {
      out.write(i == 0 ? "" : ",");
      out.write(cell(columns.get(i).name()));
    }
    out.write("\r\n");
  }

  @Override
  protected void write(H hit) throws IOException {
    for (int i = 0; i < columns.size(); i++) {
      out.write(i == 0 ? "" : ",");
      out.write(cell(columns.get(i).value().apply(hit)));
    }
    out.write("\r\n");
  }

  @Override
  long finish() throws IOException {
    out.flush();
    return rows();
  }

  /**
   * One field. A value starting with {@code = + - @} (or a tab or carriage return, which some
   * spreadsheets skip before looking) gets a leading {@code '} so it is shown, never evaluated:
   * an archive's text is written by strangers.
   */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
