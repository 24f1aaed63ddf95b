package org.steppe.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.steppe.search.SteppeSearch;

/**
 * Builds the web app over a shared {@link SteppeSearch} engine: the JSON API under {@code /api/} and the search
 * page from the classpath folder {@code /web}. The app comes back unstarted, so tests and the
 * {@code serve} command choose where it listens.
 */
public final class SteppeServer {
  /** Where the server listens unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 7070;

  /**
   * Everything the page needs comes from this server; no inline scripts or styles, no frames,
   * so text from a hostile document cannot run even if it reached the page unescaped.
   */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private SteppeServer() {}

  /** The app for {@code steppe}, not yet listening; the caller owns {@code steppe} and closes it after stopping the app. */
  public static Javalin create(SteppeSearch steppe) {
    SearchService service = new SearchService(steppe);
    // Jackson 2 (com.fasterxml), the library's own JSON: Javalin 7 wires it through JavalinJackson
    // (JavalinJackson3 is for Jackson 3's tools.jackson packages, which Steppe does not use).
    ObjectMapper mapper = mapper();
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.threadPool = threadPool();
      config.startup.showOldJavalinVersionWarning = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      // A wrong method on a route is a 405 naming the right one (ErrorMapping), not a 404.
      config.http.prefer405over404 = true;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
        files.headers = SECURITY_HEADERS;
      });
      config.routes.before(SteppeServer::secure);
      ApiRoutes.register(config.routes, service);
      ErrorMapping.register(config.routes);
    });
  }

  /** The JSON writer of every answer: Jackson 2, empty beans allowed. */
  static ObjectMapper mapper() {
    return new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  /**
   * Worker threads sized for the machine: a search is CPU work, so more busy workers than cores only
   * take turns (Javalin's default allows 250). Enough for Jetty's acceptor and selector threads and
   * for requests that wait on I/O; connections beyond that queue rather than fail.
   */
  static org.eclipse.jetty.util.thread.QueuedThreadPool threadPool() {
    int cores = Runtime.getRuntime().availableProcessors();
    int max = Integer.getInteger("steppe.serverThreads", Math.max(16, 4 * cores + 8));
    org.eclipse.jetty.util.thread.QueuedThreadPool pool = new org.eclipse.jetty.util.thread.QueuedThreadPool(max, Math.min(8, max));
    pool.setName("JettyServerThreadPool");
    return pool;
  }

  private static void secure(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
  }
}
