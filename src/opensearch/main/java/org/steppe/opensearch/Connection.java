package org.steppe.opensearch;

import java.io.IOException;
import java.net.URI;
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

  private Connection(OpenSearchTransport transport) {
    this.transport = transport;
    this.client = new OpenSearchClient(transport);
  }

  /** A client of the cluster whose nodes answer at {@code urls} ({@code http://host:port}). */
  public static Connection open(List<URI> urls) {
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("an OpenSearch connection needs at least one URL");
    }
    HttpHost[] hosts = urls.stream().map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort())).toArray(HttpHost[]::new);
    return new Connection(ApacheHttpClient5TransportBuilder.builder(hosts).setMapper(new JacksonJsonpMapper()).build());
  }

  public OpenSearchClient client() {
    return client;
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
