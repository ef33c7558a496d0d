package org.sstc.exchange.hub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {
  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-29T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final IdempotencyKeys keys = new IdempotencyKeys(clock);
  private final Reply created = Reply.json(201, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  @Test
  void aKeptResponseIsReplayedWithinADayAndForgottenAfter() {
    assertThat(keys.claim("XM-DAC-41301", "k1")).isNull();
    keys.complete("XM-DAC-41301", "k1", new byte[] {1}, created);

    clock.advance(Duration.ofHours(23));
    assertThat(keys.claim("XM-DAC-41301", "k1")).isNotNull()
        .satisfies(slot -> assertThat(slot.sameRequest(new byte[] {1})).isTrue());

    clock.advance(Duration.ofHours(2));
    assertThat(keys.claim("XM-DAC-41301", "k1")).as("expired: the key is free again").isNull();
  }

  @Test
  void expiredKeysAreDroppedAsNewOnesArrive() {
    for (int i = 0; i < 1000; i++) {
      keys.claim("XM-DAC-41301", "old-" + i);
      keys.complete("XM-DAC-41301", "old-" + i, new byte[] {1}, created);
    }
    clock.advance(IdempotencyKeys.KEPT.plusSeconds(1));
    keys.claim("XM-DAC-41301", "new");
    assertThat(keys.size()).isEqualTo(1);
  }

  @Test
  void aKeyClaimedAgainAfterExpiryIsNotDroppedByItsOldExpiry() {
    keys.claim("XM-DAC-41301", "k");
    keys.complete("XM-DAC-41301", "k", new byte[] {1}, created);
    clock.advance(IdempotencyKeys.KEPT.plusSeconds(1));
    assertThat(keys.claim("XM-DAC-41301", "k")).isNull(); // expired: claimed anew, now in flight
    keys.claim("XM-DAC-41301", "other");
    assertThat(keys.claim("XM-DAC-41301", "k")).as("still in flight").isNotNull()
        .satisfies(slot -> assertThat(slot.inFlight()).isTrue());
  }
}
