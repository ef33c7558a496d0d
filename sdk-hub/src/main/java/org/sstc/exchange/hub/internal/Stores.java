package org.sstc.exchange.hub.internal;

/** Makes the stores that are not public classes: for {@code HubStorage} and the tests. */
public final class Stores {
  private Stores() {}

  /** A new, empty memory store with a new identity. */
  public static HubStore memory() {
    return new MemoryStore();
  }
}
