package org.sstc.exchange.core.internal.validation;

import java.nio.charset.StandardCharsets;

/**
 * Remembers which record ids a stream has seen, in 8 bytes per id: a set of 64-bit hashes with
 * open addressing. A stream of a million records costs about 16 MB at worst, not the hundreds a
 * set of strings would, so streaming validation stays within a small heap. Two different ids
 * collide with a probability of about n²/2⁶⁵ — for a million ids, one in thirty million.
 */
final class IdSet {
  private long[] slots = new long[1024];
  private int size;
  private boolean containsZero;

  /** Adds an id; returns false if it (or, very rarely, an id with the same hash) was seen before. */
  boolean add(String type, String id) {
    long hash = hash(type + '\u0000' + id);
    if (hash == 0) {
      boolean added = !containsZero;
      containsZero = true;
      return added;
    }
    if (size * 2 >= slots.length) {
      grow();
    }
    int mask = slots.length - 1;
    int index = (int) (hash ^ (hash >>> 32)) & mask;
    while (slots[index] != 0) {
      if (slots[index] == hash) {
        return false;
      }
      index = (index + 1) & mask;
    }
    slots[index] = hash;
    size++;
    return true;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long hash : old) {
      if (hash != 0) {
        int index = (int) (hash ^ (hash >>> 32)) & mask;
        while (slots[index] != 0) {
          index = (index + 1) & mask;
        }
        slots[index] = hash;
      }
    }
  }

  /** FNV-1a over UTF-8, then a final mix so that similar ids spread over the table. */
  private static long hash(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
