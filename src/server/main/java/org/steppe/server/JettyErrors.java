package org.steppe.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers by itself, before a request reaches the app (a malformed request line
 * or header, a URI or headers too long), in the API's shape: a JSON {@code {"error", "message"}}
 * body and the security headers every other response carries, instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    secure(headers);
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body(code, message), callback);
  }

  /** Errors found while parsing, when there is not even a request: Jetty sends these fields and body. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    secure(fields);
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason).getBytes(StandardCharsets.UTF_8));
  }

  private static void secure(HttpFields.Mutable fields) {
    SteppeServer.SECURITY_HEADERS.forEach((name, value) -> fields.put(new HttpField(name, value)));
  }

  /** {@code {"error": "uri_too_long", "message": "414 URI Too Long: …"}} from the status and Jetty's reason. */
  static String body(int status, String reason) {
    String phrase = HttpStatus.getMessage(status);
    String message = status + " " + phrase + (reason == null || reason.isBlank() || reason.equals(phrase) ? "" : ": " + reason);
    try {
      return JSON.writeValueAsString(ErrorMapping.body(ErrorMapping.errorName(status), message, null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of two strings is always JSON", e);
    }
  }
}
