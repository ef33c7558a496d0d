package org.sstc.exchange.cli;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.client.ForbiddenException;
import org.sstc.exchange.client.RetryPolicy;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.SstcException;
import org.sstc.exchange.client.TransportException;
import org.sstc.exchange.client.UnauthorizedException;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that talks to a hub shares. The token comes from the {@code
 * SSTC_TOKEN} environment variable and never from an argument: arguments are visible to every
 * user of the machine in the process list and end up in shell histories and CI logs.
 *
 * <p>Everything a person can get wrong here (a URL with a password in it, plain http:// to
 * another machine, a token with a line break) is a usage error found before anything is sent,
 * with a message that names the flag or the variable, never the Java API underneath.
 */
final class HubOptions {
  /** The environment variable that holds the bearer token. */
  static final String TOKEN_VARIABLE = "SSTC_TOKEN";
  /** The environment variable that sets {@code --read-timeout}. */
  static final String READ_TIMEOUT_VARIABLE = "SSTC_READ_TIMEOUT";
  /** Retries of a request that is safe to repeat: 20% lost responses fail one in two million. */
  private static final int RETRIES = 8;

  /** Reads the environment; tests give their own. */
  static Function<String, @Nullable String> environment = System::getenv;

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

  @Option(
      names = "--read-timeout",
      paramLabel = "SECONDS",
      defaultValue = "${env:SSTC_READ_TIMEOUT:-60}",
      description = "How long to wait for the hub's next bytes before the attempt counts as lost "
          + "and is retried (a connection that went silent costs at most this). Default "
          + "${DEFAULT-VALUE}; also the SSTC_READ_TIMEOUT environment variable.")
  String readTimeout;

  /**
   * The token, or null when {@code SSTC_TOKEN} is unset or blank.
   *
   * @throws ParameterException if the token holds a character an HTTP header cannot carry
   */
  @Nullable String token() {
    String token = environment.apply(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      return null;
    }
    String stripped = token.strip();
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        // Never echo the token: say where, not what.
        throw new ParameterException(spec.commandLine(), TOKEN_VARIABLE + " holds "
            + (c == '\n' || c == '\r' ? "a line break" : c == ' ' || c == '\t' ? "white space" : "a character")
            + " at position " + (i + 1) + " that cannot go in an HTTP header: set it to the token "
            + "alone, e.g. export SSTC_TOKEN=\"$(tr -d '\\r\\n' < token.txt)\"");
      }
    }
    return stripped;
  }

  /** A client that sends the token (required) with every request: for writes. */
  SstcClient writer() {
    String token = token();
    if (token == null) {
      throw new ParameterException(spec.commandLine(),
          "set the SSTC_TOKEN environment variable to your organisation's bearer token "
              + "(it is never taken from an argument), e.g. export SSTC_TOKEN=...");
    }
    return client(token);
  }

  /** A client for reads: the token only when {@code withToken}, and then it is required. */
  SstcClient reader(boolean withToken) {
    return withToken ? writer() : client(null);
  }

  private SstcClient client(@Nullable String token) {
    URI uri = hubUri();
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(readTimeout())
        .writeTimeout(readTimeout())
        .callTimeout(Duration.ofMinutes(2))
        .build();
    SstcClient.Builder builder = SstcClient.builder().baseUrl(uri).allowInsecureHttp(insecureHttp)
        .okHttpClient(http)
        .retryPolicy(RetryPolicy.builder().maxRetries(RETRIES).deadline(Duration.ofMinutes(10)).build())
        // sstc publish validates every file itself, as a stream, before it sends anything.
        .validateBeforeSend(false);
    if (token != null) {
      builder.token(token);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // hubUri() checked what a person can get wrong; this is the client's own last word.
      throw new ParameterException(spec.commandLine(), "--hub cannot be used: " + hub.strip()
          + " (use https://, or add --insecure-http on a network you trust)");
    }
  }

  /** {@code --read-timeout} as a duration: whole or decimal seconds, more than 0. */
  private Duration readTimeout() {
    try {
      double seconds = Double.parseDouble(readTimeout.strip());
      if (seconds > 0 && seconds <= 86_400) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
      }
    } catch (NumberFormatException e) {
      // the message below says what is expected
    }
    throw new ParameterException(spec.commandLine(), "--read-timeout (or " + READ_TIMEOUT_VARIABLE
        + ") must be a number of seconds between 0 and 86400, e.g. 60, not '" + readTimeout + "'");
  }

  /** {@code --hub}, checked as a person would want: no password, no plain http to elsewhere. */
  private URI hubUri() {
    URI uri;
    try {
      uri = new URI(hub.strip());
    } catch (URISyntaxException e) {
      throw new ParameterException(spec.commandLine(), "--hub is not a URL (" + e.getReason()
          + "): give the hub's address, e.g. https://hub.example.org");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ParameterException(spec.commandLine(),
          "--hub must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:8080");
    }
    if (uri.getRawUserInfo() != null) {
      // Never echo it: it is a password.
      throw new ParameterException(spec.commandLine(), "--hub must not hold a user name or password "
          + "(the part before '@'): give the address alone, and the token in SSTC_TOKEN");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ParameterException(spec.commandLine(),
          "--hub must be the hub's base URL without '?' or '#', e.g. https://hub.example.org");
    }
    if (scheme.equals("http") && !insecureHttp && !isLoopback(uri.getHost())) {
      throw new ParameterException(spec.commandLine(), "--hub is plain http:// to " + uri.getHost()
          + ", another machine: the token and the records would cross the network unencrypted. "
          + "Use https://, or add --insecure-http on a network you trust");
    }
    return uri;
  }

  /** This machine, as the client decides it (sdk-client's Hosts): nothing is resolved. */
  private static boolean isLoopback(String host) {
    String bare = (host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host)
        .toLowerCase(Locale.ROOT);
    return bare.equals("localhost") || bare.endsWith(".localhost") || bare.equals("::1")
        || bare.equals("0:0:0:0:0:0:0:1") || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /** Why a connection gave no answer, in words. */
  private static String reason(@Nullable Throwable cause) {
    if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
      return "it sent nothing within the read timeout (raise --read-timeout, or SSTC_READ_TIMEOUT, "
          + "if the hub is slow rather than gone)";
    }
    if (cause instanceof ConnectException) {
      return "the connection was refused (is the hub running at that address and port?)";
    }
    if (cause instanceof UnknownHostException) {
      return "the host name is not known";
    }
    if (cause instanceof SSLException) {
      return "the TLS handshake failed (" + Objects.requireNonNullElse(cause.getMessage(), "no detail") + ")";
    }
    String detail = cause == null ? null : cause.getMessage();
    return "the connection was lost" + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
  }

  /**
   * What to tell a person about a failed call: the client's message (which says what failed and
   * what the hub said) and, for the failures a person fixes here, which variable or flag to look at.
   */
  static String explain(SstcException failure) {
    String message = String.valueOf(failure.getMessage());
    if (failure instanceof UnauthorizedException) {
      return message + " Check SSTC_TOKEN: the hub does not know that token.";
    }
    if (failure instanceof ForbiddenException) {
      return message + " Check that SSTC_TOKEN belongs to the organisation that reports the records.";
    }
    if (failure instanceof TransportException && failure.status() == 0) {
      return "no answer from the hub, even after " + RETRIES + " retries: " + reason(failure.getCause())
          + ". Check the address and the network";
    }
    return message;
  }
}
