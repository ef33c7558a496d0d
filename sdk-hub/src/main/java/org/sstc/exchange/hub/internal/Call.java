package org.sstc.exchange.hub.internal;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request as the handlers see it: method, decoded path segments, query, headers, the body as
 * a stream, and the base URL the client used (its links are written against it).
 */
final class Call {
  /** The request's headers, by case-insensitive name: the first value, or null. */
  interface Headers {
    @Nullable String get(String name);
  }

  final String method;
  final String rawPath;
  final @Nullable String rawQuery;
  final List<String> segments;
  final Map<String, List<String>> query;
  final String requestId;
  /** {@code http://127.0.0.1:PORT}, or the public URL a trusted proxy forwarded for. */
  final URI baseUrl;
  private final Headers headers;
  private final InputStream body;

  Call(String method, String rawPath, @Nullable String rawQuery, Headers headers, InputStream body,
      String requestId, URI baseUrl) {
    this.method = method;
    this.rawPath = rawPath;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
    this.baseUrl = baseUrl;
    List<String> parts = new ArrayList<>();
    String[] raw = rawPath.split("/", -1);
    for (int i = 1; i < raw.length; i++) {
      parts.add(decode(raw[i], "the path"));
    }
    this.segments = List.copyOf(parts);
    this.query = parseQuery(rawQuery);
  }

  @Nullable String header(String name) {
    return headers.get(name);
  }

  /** The request body; read it once. */
  InputStream body() {
    return body;
  }

  /** The content length the client declared, or -1 (none, or chunked). */
  long declaredLength() {
    String length = header("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw Problem.badRequest("Content-Length is not a number: " + length);
    }
  }

  private static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "the query");
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "the query");
      query.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /**
   * Percent-decodes as RFC 3986 does: a '+' stays a '+', so that a time zone offset such as
   * {@code +02:00} survives a client that did not encode it.
   */
  static String decode(String text, String where) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          throw Problem.badRequest("bad percent-encoding in " + where + ": " + text);
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw Problem.badRequest("percent-encoding in " + where + " is not UTF-8: " + text);
    }
  }

  /** Percent-encodes one path segment or query value. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
