package org.steppe.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Streams rows as one JSON array of flat objects, one per row, with the export's column names as keys. */
final class JsonExport<H> extends Export<H> {
  private static final JsonFactory FACTORY = new JsonFactory();
  private JsonGenerator json;

  JsonExport(List<Column<H>> columns, Download download, String fileName) {
    super(columns, download, fileName);
  }

  @Override
  protected String contentType() {
    return "application/json; charset=utf-8";
  }

  @Override
  protected String extension() {
    return "json";
  }

  @Override
  protected void begin(OutputStream out) throws IOException {
    json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    // The servlet container owns the response stream; closing it is its job.
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartArray();
  }

  @Override
  protected void write(H hit) throws IOException {
    json.writeStartObject();
    for (Column<H> c : columns) {
      json.writeStringField(c.name(), c.value().apply(hit));
    }
    json.writeEndObject();
  }

  @Override
  long finish() throws IOException {
    json.writeEndArray();
    json.flush();
    return rows();
  }
}
