package org.steppe.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
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
    routes.exception(MethodNotAllowedResponse.class, ErrorMapping::methodNotAllowed);
    routes.exception(NotFoundResponse.class, (e, ctx) -> respond(ctx, HttpStatus.NOT_FOUND, "not_found",
        ctx.path().startsWith("/api/") ? "no such API route: " + ctx.method() + " " + ctx.path() + " (see " + ApiRoutes.OPENAPI_PATH + ")"
            : "no such page: " + ctx.path(), null));
    // Javalin's other refusals (a body too large, ...): their status, in the API's shape.
    routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, HttpStatus.forStatus(e.getStatus()),
        errorName(e.getStatus()), e.getMessage(), null));
    routes.exception(Exception.class, ErrorMapping::unexpected);
  }

  /** A method the route does not answer: 405 with {@code Allow} listing the ones it does. */
  private static void methodNotAllowed(MethodNotAllowedResponse e, Context ctx) {
    String allowed = String.join(", ", e.getDetails().getOrDefault("availableMethods", "GET")
        .replaceAll("[\\[\\]\\s]", "").split(","));
    ctx.header("Allow", allowed);
    respond(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
        ctx.method() + " is not allowed on " + ctx.path() + "; use " + allowed, null);
  }

  /** {@code not_found}, {@code uri_too_long}: the status's reason phrase as an identifier. */
  static String errorName(int status) {
    return HttpStatus.forStatus(status).getMessage().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
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
    ctx.status(status).json(body(error, message, position));
  }

  /** Every error's body: {@code {"error", "message"}}, with {@code position} for a query syntax error. */
  static Map<String, Object> body(String error, String message, Integer position) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    if (position != null) {
      body.put("position", position);
    }
    return body;
  }
}
