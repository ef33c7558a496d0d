package org.sstc.exchange.hub.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Bearer tokens as a store keeps them: SHA-256 hashes only. A plain fast hash is enough because
 * the tokens the hub generates carry 256 random bits (no dictionary to try, so a slow password hash
 * such as bcrypt would add nothing but a cost on every write request); a token an operator chooses
 * must be at least {@link #MIN_LENGTH} characters.
 */
public final class Tokens {
  /** The shortest token accepted into a store. */
  public static final int MIN_LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** The SHA-256 hash of a token's UTF-8 bytes. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** A new token: {@code sstc_} and 256 random bits, base64url. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "sstc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A store entry for a token, with a new random id to list and revoke it by. */
  public static HubStore.TokenEntry entry(String org, String token) {
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    return new HubStore.TokenEntry("tok_" + java.util.HexFormat.of().formatHex(id), org, hash(token),
        Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }
}
