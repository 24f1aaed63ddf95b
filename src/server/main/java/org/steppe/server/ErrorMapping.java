package org.steppe.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.steppe.search.QuerySyntaxException;

/** The one place failures become HTTP statuses and {@code {"error", "message"}} bodies. */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(BadRequest.class, (e, ctx) -> respond(ctx, HttpStatus.BAD_REQUEST, e.error(), e.getMessage(), null));
    routes.exception(QuerySyntaxException.class, (e, ctx) ->
        respond(ctx, HttpStatus.BAD_REQUEST, "query_syntax", e.getMessage(), e.position() > 0 ? e.position() : null));
    routes.exception(NotFound.class, (e, ctx) -> respond(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage(), null));
    routes.exception(Exception.class, ErrorMapping::unexpected);
  }

  /** A bug or an I/O failure, never the client's fault: logged in full, answered without details. */
  private static void unexpected(Exception e, Context ctx) {
    if (ctx.res().isCommitted()) {
      // A download already under way (often: the client went away); the status line is sent.
      LOG.warn("{} {} failed after the response started: {}", ctx.method(), ctx.path(), e.toString());
      return;
    }
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal",
        "something went wrong on the server; it has been logged", null);
  }

  private static void respond(Context ctx, HttpStatus status, String error, String message, Integer position) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    if (position != null) {
      body.put("position", position);
    }
    ctx.status(status).json(body);
  }
}
