package org.sstc.exchange.hub.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.hub.internal.HubStore.KeySlot;

/**
 * Idempotency keys (draft-ietf-httpapi-idempotency-key-header), per token organisation: the
 * request's hash and the response it got, kept 24 hours.
 */
final class IdempotencyKeys {
  static final Duration KEPT = Duration.ofHours(24);

  private record Key(String org, String key) {}

  /** When a key's response was kept: the queue holds them oldest first. */
  private record Kept(Key key, Instant at) {}

  private final Clock clock;
  private final Map<Key, KeySlot> slots = new ConcurrentHashMap<>();
  // Expiry in the order responses were kept, so that purging looks only at what has expired
  // (scanning every slot on each request made a long-running hub quadratic).
  private final Queue<Kept> expiries = new ConcurrentLinkedQueue<>();

  IdempotencyKeys() {
    this(Clock.systemUTC());
  }

  IdempotencyKeys(Clock clock) {
    this.clock = clock;
  }

  /**
   * Claims a key for a new request. Returns null when the caller now holds the key (and must
   * {@link #complete} or {@link #release} it), or the existing slot: in flight, or done.
   */
  @Nullable KeySlot claim(String org, String key) {
    Instant now = clock.instant();
    purgeExpired(now);
    KeySlot[] existing = new KeySlot[1];
    slots.compute(new Key(org, key), (unused, slot) -> {
      if (slot != null && (slot.inFlight() || !slot.at().plus(KEPT).isBefore(now))) {
        existing[0] = slot;
        return slot;
      }
      return new KeySlot(null, null, now);
    });
    return existing[0];
  }

  /** Keeps the response to a request that held the key. */
  void complete(String org, String key, byte[] hash, Reply reply) {
    Key slotKey = new Key(org, key);
    Instant now = clock.instant();
    slots.put(slotKey, new KeySlot(hash, reply, now));
    expiries.add(new Kept(slotKey, now));
  }

  private void purgeExpired(Instant now) {
    Kept oldest;
    while ((oldest = expiries.peek()) != null && oldest.at().plus(KEPT).isBefore(now)) {
      if (expiries.remove(oldest)) {
        Instant keptAt = oldest.at();
        // Only the response kept at that moment: the key may have been claimed again since.
        slots.computeIfPresent(oldest.key(), (unused, slot) -> slot.at().equals(keptAt) && !slot.inFlight() ? null : slot);
      }
    }
  }

  /** The answers still kept, oldest first (for an export). */
  java.util.List<HubStore.KeptAnswer> kept() {
    Instant now = clock.instant();
    java.util.List<HubStore.KeptAnswer> kept = new java.util.ArrayList<>();
    slots.forEach((key, slot) -> {
      Reply reply = slot.reply();
      byte[] hash = slot.hash();
      if (reply != null && hash != null && !slot.at().plus(KEPT).isBefore(now)) {
        kept.add(new HubStore.KeptAnswer(key.org(), key.key(), hash, reply, slot.at()));
      }
    });
    kept.sort(java.util.Comparator.comparing(HubStore.KeptAnswer::at));
    return kept;
  }

  /** Keeps an imported answer as it was kept where it came from (its time included). */
  void restore(HubStore.KeptAnswer answer) {
    Key slotKey = new Key(answer.org(), answer.key());
    slots.put(slotKey, new KeySlot(answer.hash(), answer.reply(), answer.at()));
    expiries.add(new Kept(slotKey, answer.at()));
  }

  /** How many keys are held, for tests. */
  int size() {
    return slots.size();
  }

  /** Gives a key up without keeping a response (the request failed on the hub's side). */
  void release(String org, String key) {
    slots.remove(new Key(org, key));
  }
}
