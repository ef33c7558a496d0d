package org.sstc.exchange.hub.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The proxies whose forwarding headers the hub believes, and what those headers say: the public
 * scheme, host and port (for the links the hub writes) and the client's address (for the access
 * log). From any other peer the headers are ignored.
 */
public final class TrustedProxies {
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final Pattern HOST = Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\]");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  /** An address or a network ({@code 10.0.0.0/8}) of trusted proxies. */
  public record Range(byte[] network, int prefix) {
    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (bytes[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  public TrustedProxies(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses {@code 10.1.2.3}, {@code 10.0.0.0/8}, {@code ::1} or {@code fd00::/8}; host names are
   * refused (they would need a DNS look-up, and a name can change its address).
   */
  public static Range parse(String text) {
    String address = text.trim();
    int slash = address.indexOf('/');
    String ip = slash < 0 ? address : address.substring(0, slash);
    if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
      throw new IllegalArgumentException("a trusted proxy is an IP address or a network such as 10.0.0.0/8,"
          + " not '" + text + "' (host names are not accepted)");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(ip).getAddress(); // a literal: no look-up
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address: " + e.getMessage(), e);
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String bits = address.substring(slash + 1);
      try {
        prefix = Integer.parseInt(bits);
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("the network " + text + " needs a prefix length from 0 to "
            + bytes.length * 8 + " after the '/'");
      }
    }
    return new Range(bytes, prefix);
  }

  boolean trusts(@Nullable InetAddress peer) {
    if (peer == null) {
      return false;
    }
    for (Range range : ranges) {
      if (range.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  /** What a header asks for; a header that is absent or malformed leaves its part as it is. */
  interface Headers {
    @Nullable String get(String name);
  }

  /**
   * The base URL the client used: {@code local} unless {@code peer} is a trusted proxy, then the
   * scheme, host and port its {@code Forwarded} (RFC 7239) or {@code X-Forwarded-*} headers give.
   */
  URI publicBase(@Nullable InetAddress peer, Headers headers, URI local) {
    if (!trusts(peer)) {
      return local;
    }
    @Nullable String proto = null;
    @Nullable String host = null;
    @Nullable String port = null;
    String forwarded = headers.get("Forwarded");
    if (forwarded != null) {
      String first = forwarded.split(",", -1)[0];
      for (String pair : first.split(";")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = unquote(pair.substring(eq + 1).trim());
        if (name.equals("proto")) {
          proto = value;
        } else if (name.equals("host")) {
          host = value;
        }
      }
    } else {
      proto = first(headers.get("X-Forwarded-Proto"));
      host = first(headers.get("X-Forwarded-Host"));
      port = first(headers.get("X-Forwarded-Port"));
    }
    String scheme = proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))
        ? proto.toLowerCase(Locale.ROOT) : local.getScheme();
    String hostName = local.getHost();
    @Nullable String hostPort = null;
    boolean hostGiven = false;
    if (host != null) {
      String h = host;
      @Nullable String p = null;
      int colon = h.lastIndexOf(':');
      if (colon > 0 && !h.endsWith("]") && PORT.matcher(h.substring(colon + 1)).matches()) {
        p = h.substring(colon + 1);
        h = h.substring(0, colon);
      }
      if (HOST.matcher(h).matches()) {
        hostName = h;
        hostPort = p;
        hostGiven = true;
      }
    }
    int portNumber;
    String chosen = port != null && PORT.matcher(port).matches() ? port : hostPort;
    if (chosen != null && Integer.parseInt(chosen) <= 65535) {
      portNumber = Integer.parseInt(chosen);
    } else if (hostGiven || proto != null) {
      portNumber = -1; // the scheme's default port
    } else {
      portNumber = local.getPort();
    }
    if ((scheme.equals("https") && portNumber == 443) || (scheme.equals("http") && portNumber == 80)) {
      portNumber = -1;
    }
    return URI.create(scheme + "://" + hostName + (portNumber < 0 ? "" : ":" + portNumber));
  }

  /**
   * The client's address: the peer, or, behind trusted proxies, the right-most address of
   * {@code X-Forwarded-For} (or {@code Forwarded: for=}) that is not itself a trusted proxy.
   */
  String client(@Nullable InetAddress peer, Headers headers) {
    String peerText = peer == null ? "-" : peer.getHostAddress();
    if (!trusts(peer)) {
      return peerText;
    }
    String list = headers.get("X-Forwarded-For");
    String[] hops;
    if (list != null) {
      hops = list.split(",");
    } else {
      String forwarded = headers.get("Forwarded");
      if (forwarded == null) {
        return peerText;
      }
      String[] elements = forwarded.split(",");
      hops = new String[elements.length];
      for (int i = 0; i < elements.length; i++) {
        hops[i] = "";
        for (String pair : elements[i].split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase("for")) {
            hops[i] = unquote(pair.substring(eq + 1).trim());
          }
        }
      }
    }
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (hop.isEmpty()) {
        continue;
      }
      InetAddress address = literal(hop);
      if (address == null || !trusts(address)) {
        return hop.replaceAll("[^0-9A-Za-z.:\\[\\]_-]", "?");
      }
    }
    return peerText;
  }

  private static @Nullable InetAddress literal(String hop) {
    String ip = hop.startsWith("[") && hop.contains("]") ? hop.substring(1, hop.indexOf(']')) : hop;
    if (!IPV4.matcher(ip).matches() && !IPV6.matcher(ip).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(ip);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static @Nullable String first(@Nullable String list) {
    if (list == null) {
      return null;
    }
    String first = list.split(",", -1)[0].trim();
    return first.isEmpty() ? null : first;
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }
}
