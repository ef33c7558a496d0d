package org.sstc.exchange.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sstc.exchange.client.Change;
import org.sstc.exchange.client.ChangeType;
import org.sstc.exchange.client.CursorStore;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.SstcJson;

/**
 * Keeps a local folder in step with a hub: every record as a JSON file, created, updated and
 * deleted as the hub's change feed says, resumable after a crash.
 *
 * <pre>
 * java ... org.sstc.exchange.examples.MirrorChanges https://hub.example.org mirror/
 * </pre>
 *
 * <p>Run it as often as you like: the cursor in {@code mirror/.cursor} is saved after each event
 * is applied, so a run that is killed resumes where it stopped, and no event is applied twice or
 * missed. Reads need no token.
 */
public final class MirrorChanges {
  private MirrorChanges() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: MirrorChanges HUB_URL FOLDER");
      System.exit(2);
    }
    try (SstcClient client = SstcClient.builder().baseUrl(args[0]).build()) {
      mirror(client, Path.of(args[1]), System.out);
    }
  }

  /** Applies every event since the folder's cursor; returns how many were applied. */
  public static long mirror(SstcClient client, Path folder, PrintStream out) {
    CursorStore cursor = CursorStore.inFile(folder.resolve(".cursor"));
    long applied = client.changes().follow(cursor, change -> apply(change, folder, out));
    out.println(applied + " change(s) applied to " + folder);
    return applied;
  }

  private static void apply(Change change, Path folder, PrintStream out) {
    Path file = folder.resolve(change.recordType() + "s").resolve(change.id() + ".json");
    try {
      if (change.type() == ChangeType.DELETED) {
        Files.deleteIfExists(file);
      } else {
        Files.createDirectories(file.getParent());
        // Write beside the target, then move: a crash never leaves half a record behind.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, SstcJson.standard().write(change.record().orElseThrow()));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      // Thrown out of follow(): the cursor stays before this event, so the next run retries it.
      throw new UncheckedIOException("could not apply change " + change.cursor() + " to " + file, e);
    }
    out.println(change.type().code() + " " + change.recordType() + " " + change.id() + " (version " + change.version() + ")");
  }
}
