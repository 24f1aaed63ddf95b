package org.steppe.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;
import java.util.List;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * A client of one OpenSearch cluster, reached through any of its nodes' HTTP addresses (the
 * transport moves on to another node when one stops answering). Thread-safe; close it once.
 */
public final class Connection implements AutoCloseable {
  private final OpenSearchTransport transport;
  private final OpenSearchClient client;

  private final ClusterAddress address;

  private Connection(OpenSearchTransport transport, ClusterAddress address) {
    this.transport = transport;
    this.address = address;
    this.client = new OpenSearchClient(transport);
  }

  /** A client of the cluster whose nodes answer at {@code urls} ({@code http://host:port}), without credentials. */
  public static Connection open(List<URI> urls) {
    return open(ClusterAddress.of(urls));
  }

  /** A client of the cluster at {@code address}: its nodes, credentials (basic authentication) and trust. */
  public static Connection open(ClusterAddress address) {
    if (address.urls().isEmpty()) {
      throw new IllegalArgumentException("an OpenSearch connection needs at least one URL");
    }
    HttpHost[] hosts = address.urls().stream().map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort())).toArray(HttpHost[]::new);
    ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(new JacksonJsonpMapper());
    if (address.user() != null) {
      String pair = address.user() + ":" + new String(address.password());
      builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)))});
    }
    if (address.ssl() != null) {
      SSLContext ssl = address.ssl();
      builder.setHttpClientConfigCallback(http -> http.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
          .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).build()).build()));
    }
    return new Connection(builder.build(), address);
  }

  /** Where this connection goes, without credentials: for messages. */
  public ClusterAddress address() {
    return address;
  }

  public OpenSearchClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
