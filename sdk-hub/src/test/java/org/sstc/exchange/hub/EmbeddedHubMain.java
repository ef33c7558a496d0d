package org.sstc.exchange.hub;

import java.nio.file.Path;

/**
 * A hub on an embedded storage in a JVM of its own, for the crash test: {@code EmbeddedHubMain DIR
 * TOKEN} prints {@code PORT n} when it listens, then serves until it is killed.
 */
public final class EmbeddedHubMain {
  private EmbeddedHubMain() {}

  public static void main(String[] args) throws InterruptedException {
    HubStorage storage = HubStorage.embedded(Path.of(args[0]));
    if (storage.tokens().isEmpty()) {
      storage.addToken(Wire.FAO, args[1]);
    }
    SstcHub hub = SstcHub.builder().storage(storage).build().start();
    System.out.println("PORT " + hub.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
