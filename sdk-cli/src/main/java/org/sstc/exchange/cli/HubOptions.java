package org.sstc.exchange.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.SstcClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that talks to a hub shares. The token comes from the {@code
 * SSTC_TOKEN} environment variable and never from an argument: arguments are visible to every
 * user of the machine in the process list and end up in shell histories and CI logs.
 */
final class HubOptions {
  /** The environment variable that holds the bearer token. */
  static final String TOKEN_VARIABLE = "SSTC_TOKEN";

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(
      names = "--hub",
      required = true,
      paramLabel = "URL",
      description = "The hub's base URL, e.g. http://127.0.0.1:8080 or https://hub.example.org. "
          + "The bearer token is read from the SSTC_TOKEN environment variable.")
  String hub;

  @Option(
      names = "--insecure-http",
      description = "Allow plain http:// to a host other than this machine (the token would cross "
          + "the network unencrypted).")
  boolean insecureHttp;

  /** The token, or null when {@code SSTC_TOKEN} is unset or blank. */
  static @Nullable String token() {
    String token = System.getenv(TOKEN_VARIABLE);
    return token == null || token.isBlank() ? null : token.strip();
  }

  /**
   * The command line's transport: the client's own defaults but for a longer wait for the next
   * bytes. One per process, shared by every client it makes.
   */
  private static final OkHttpClient HTTP = new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(10))
      .readTimeout(Duration.ofMinutes(10))
      .writeTimeout(Duration.ofMinutes(10))
      .callTimeout(Duration.ofSeconds(60))
      .build();

  /** A client for {@code --hub}, with the token when there is one. */
  SstcClient client(boolean tokenRequired) {
    URI uri;
    try {
      uri = new URI(hub);
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(), "--hub is not a URL: " + e.getMessage());
    }
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new ParameterException(spec.commandLine(),
          "--hub must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:8080, not '" + hub + "'");
    }
    String token = token();
    if (tokenRequired && token == null) {
      throw new ParameterException(spec.commandLine(),
          "set the SSTC_TOKEN environment variable to your organisation's bearer token "
              + "(it is never taken from an argument), e.g. export SSTC_TOKEN=...");
    }
    // Bulk uploads get the client's own bulk time budget (30 min); a busy hub may pause long
    // between bytes while it validates, hence the longer wait for the next bytes.
    SstcClient.Builder builder = SstcClient.builder().baseUrl(uri).allowInsecureHttp(insecureHttp)
        .okHttpClient(HTTP)
        // sstc publish validates every file itself, as a stream, before it sends anything.
        .validateBeforeSend(false);
    if (token != null) {
      builder.token(token);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
