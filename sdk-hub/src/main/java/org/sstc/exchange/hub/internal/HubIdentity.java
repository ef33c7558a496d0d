package org.sstc.exchange.hub.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A hub's identity and the change-feed cursors that carry it. The identity is made once, when a
 * store is created, and moves with its data (export and import); a cursor is {@code
 * base64url(hubId "/" sequence)}, so a follower that comes to a different hub, or to one whose data
 * was wiped and made again, is told so instead of silently skipping or repeating events.
 */
final class HubIdentity {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,19}");

  /** A decoded {@code since}: the hub it names (null for a plain sequence number) and the sequence. */
  record Cursor(@Nullable String hubId, long sequence) {}

  private HubIdentity() {}

  /** A new random identity: 128 bits, base64url. */
  static String newHubId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String cursor(String hubId, long sequence) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((hubId + "/" + sequence).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a {@code since}: a cursor this kind of hub gave out, or an event's sequence as a string
   * (the contract allows both). Null when it is neither.
   */
  static @Nullable Cursor parse(String since) {
    if (NUMBER.matcher(since).matches()) {
      try {
        return new Cursor(null, Long.parseLong(since));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(since), StandardCharsets.UTF_8);
      int slash = text.lastIndexOf('/');
      if (slash < 0) {
        return null;
      }
      String hubId = text.substring(0, slash);
      String sequence = text.substring(slash + 1);
      if (!HUB_ID.matcher(hubId).matches() || !NUMBER.matcher(sequence).matches()) {
        return null;
      }
      return new Cursor(hubId, Long.parseLong(sequence));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
