package org.steppe.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where an OpenSearch cluster answers and how to sign in: one or more node URLs, credentials and
 * the certificates to trust. Made by {@link #parse} from what a person types
 * ({@code https://user:secret@node1:9200,node2:9200}) and the environment:
 *
 * <ul>
 *   <li>{@value #USER} and {@value #PASSWORD}: credentials when the URL carries none;</li>
 *   <li>{@value #CA}: a PEM file of the certificate authorities to trust for {@code https}, or
 *       {@value #TRUSTSTORE} (with {@value #TRUSTSTORE_PASSWORD}): a PKCS#12 or JKS trust store;
 *       without either, the JVM's own trust store ({@code javax.net.ssl.trustStore}).</li>
 * </ul>
 *
 * <p>The password never leaves this object in words: {@link #toString} and every message show the
 * URLs without user information.
 */
public final class ClusterAddress {
  /** Environment variable: the user name, when the URL has none. */
  public static final String USER = "STEPPE_OPENSEARCH_USER";
  /** Environment variable: the password, when the URL has none. */
  public static final String PASSWORD = "STEPPE_OPENSEARCH_PASSWORD";
  /** Environment variable: a PEM file of certificate authorities to trust. */
  public static final String CA = "STEPPE_OPENSEARCH_CA";
  /** Environment variable: a trust store file (PKCS#12 or JKS). */
  public static final String TRUSTSTORE = "STEPPE_OPENSEARCH_TRUSTSTORE";
  /** Environment variable: the trust store's password. */
  public static final String TRUSTSTORE_PASSWORD = "STEPPE_OPENSEARCH_TRUSTSTORE_PASSWORD";

  private final List<URI> urls;
  private final String user;
  private final char[] password;
  private final SSLContext ssl;

  private ClusterAddress(List<URI> urls, String user, char[] password, SSLContext ssl) {
    this.urls = List.copyOf(urls);
    this.user = user;
    this.password = password;
    this.ssl = ssl;
  }

  /** Plain node URLs, no credentials, the JVM's trust: a local test cluster. */
  public static ClusterAddress of(List<URI> urls) {
    return new ClusterAddress(urls, null, null, null);
  }

  /**
   * What {@code --opensearch} names, with credentials and trust from the URL or {@code env}.
   *
   * @param text one URL or several separated by commas ({@code http://host:9200}); a URL without a port means 9200
   * @param env the environment ({@code System.getenv()})
   * @throws IllegalArgumentException when a URL cannot be read, or a trust file cannot be used (the message says which)
   */
  public static ClusterAddress parse(String text, Map<String, String> env) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("--opensearch needs the cluster's URL, e.g. http://localhost:9200");
    }
    List<URI> urls = new ArrayList<>();
    String user = null;
    String password = null;
    for (String part : text.split(",")) {
      URI u;
      try {
        u = new URI(part.strip().contains("://") ? part.strip() : "http://" + part.strip());
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("the OpenSearch URL '" + withoutUserInfo(part.strip())
            + "' cannot be read; give it as http://host:9200 or https://user:password@host:9200");
      }
      if (!u.getScheme().equals("http") && !u.getScheme().equals("https") || u.getHost() == null) {
        throw new IllegalArgumentException("the OpenSearch URL '" + withoutUserInfo(part.strip())
            + "' must be http:// or https:// with a host name");
      }
      if (u.getRawUserInfo() != null && user == null) {
        String[] info = u.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(info[0], StandardCharsets.UTF_8);
        password = info.length > 1 ? URLDecoder.decode(info[1], StandardCharsets.UTF_8) : "";
      }
      urls.add(URI.create(u.getScheme() + "://" + u.getHost() + ":" + (u.getPort() < 0 ? 9200 : u.getPort())));
    }
    if (user == null && env.get(USER) != null) {
      user = env.get(USER);
      password = env.getOrDefault(PASSWORD, "");
    }
    boolean tls = urls.stream().anyMatch(u -> u.getScheme().equals("https"));
    return new ClusterAddress(urls, user, password == null ? null : password.toCharArray(), tls ? trust(env) : null);
  }

  /** The node URLs, without credentials. */
  public List<URI> urls() {
    return urls;
  }

  /** The user to sign in as, or {@code null} for none. */
  String user() {
    return user;
  }

  /** The password, or {@code null}. */
  char[] password() {
    return password == null ? null : password.clone();
  }

  /** The TLS context for {@code https} URLs, or {@code null} for the JVM's default. */
  SSLContext ssl() {
    return ssl;
  }

  /** The URLs as a person may see them: no user information, ever. */
  @Override
  public String toString() {
    return String.join(",", urls.stream().map(URI::toString).toList());
  }

  private static String withoutUserInfo(String url) {
    return url.replaceFirst("//[^/@]*@", "//");
  }

  /** The certificates to trust: a PEM file, a trust store, or (neither given) the JVM's own. */
  private static SSLContext trust(Map<String, String> env) {
    String ca = env.get(CA);
    String store = env.get(TRUSTSTORE);
    if (ca == null && store == null) {
      return null;
    }
    String file = ca != null ? ca : store;
    try {
      KeyStore keys;
      if (ca != null) {
        keys = KeyStore.getInstance(KeyStore.getDefaultType());
        keys.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(ca))) {
          int n = 0;
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            keys.setCertificateEntry("ca-" + n++, c);
          }
          if (n == 0) {
            throw new GeneralSecurityException("it holds no certificate");
          }
        }
      } else {
        String pass = env.get(TRUSTSTORE_PASSWORD);
        keys = KeyStore.getInstance(Path.of(store).toFile(), pass == null ? null : pass.toCharArray());
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(keys);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException((ca != null ? CA : TRUSTSTORE) + " names " + file
          + ", which cannot be used to trust the cluster: " + e.getMessage());
    }
  }
}
