package org.sstc.exchange.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Idempotency keys (draft-ietf-httpapi-idempotency-key-header), per token organisation: the
 * request's hash and the response it got, kept 24 hours.
 */
final class IdempotencyKeys {
  static final Duration KEPT = Duration.ofHours(24);
  private static final int PURGE_ABOVE = 10_000;

  private record Key(String org, String key) {}

  /** A key's state: in flight while {@code reply} is null. */
  record Slot(byte @Nullable [] hash, @Nullable Reply reply, Instant at) {
    boolean inFlight() {
      return reply == null;
    }

    boolean sameRequest(byte[] other) {
      return hash != null && Arrays.equals(hash, other);
    }
  }

  private final Map<Key, Slot> slots = new ConcurrentHashMap<>();

  /**
   * Claims a key for a new request. Returns null when the caller now holds the key (and must
   * {@link #complete} or {@link #release} it), or the existing slot: in flight, or done.
   */
  @Nullable Slot claim(String org, String key) {
    Instant now = Instant.now();
    if (slots.size() > PURGE_ABOVE) {
      slots.values().removeIf(slot -> !slot.inFlight() && slot.at().plus(KEPT).isBefore(now));
    }
    Slot[] existing = new Slot[1];
    slots.compute(new Key(org, key), (unused, slot) -> {
      if (slot != null && (slot.inFlight() || !slot.at().plus(KEPT).isBefore(now))) {
        existing[0] = slot;
        return slot;
      }
      return new Slot(null, null, now);
    });
    return existing[0];
  }

  /** Keeps the response to a request that held the key. */
  void complete(String org, String key, byte[] hash, Reply reply) {
    slots.put(new Key(org, key), new Slot(hash, reply, Instant.now()));
  }

  /** Gives a key up without keeping a response (the request failed on the hub's side). */
  void release(String org, String key) {
    slots.remove(new Key(org, key));
  }
}
