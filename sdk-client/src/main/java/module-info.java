import org.jspecify.annotations.NullMarked;

/**
 * The typed HTTP client of the SSTC Exchange API. Only {@code org.sstc.exchange.client} is public
 * API.
 */
@NullMarked
module org.sstc.exchange.client {
  requires transitive org.sstc.exchange.core;
  // Transitive: SstcClient.Builder.okHttpClient(OkHttpClient) is the one public signature that
  // names an OkHttp type (transport is configured on OkHttp's own builder).
  requires transitive okhttp3;

  exports org.sstc.exchange.client;
}
