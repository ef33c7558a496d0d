package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sstc.exchange.client.Change;
import org.sstc.exchange.client.ChangeType;
import org.sstc.exchange.client.CursorStore;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.SstcException;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sstc pull --hub URL [--since CURSOR] --out DIR}: keeps a folder in step with a hub by
 * following its change feed.
 *
 * <p>Each event is applied (a record written to {@code DIR/initiatives/ID.json} or
 * {@code DIR/organisations/ID.json}, or deleted) before the cursor after it is saved in {@code
 * DIR/.sstc-cursor}. Both writes are atomic renames, so a pull killed at any point and run again
 * resumes where it stopped: no event is lost, and the one that may be applied twice writes the same
 * file again.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Copies a hub's records into a folder and keeps them in step: created and updated records "
          + "are written as DIR/initiatives/ID.json and DIR/organisations/ID.json, deleted ones "
          + "removed. The position in the change feed is kept in DIR/.sstc-cursor, so the next pull "
          + "fetches only what changed since.",
      "Reads need no token; SSTC_TOKEN is sent when set."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the folder is in step with the hub",
      "2:usage error, the folder cannot be written, or the hub cannot be reached",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc pull --hub https://hub.example.org --out mirror/",
      "  sstc pull --hub http://127.0.0.1:8080 --since 120 --out mirror/"
    })
final class PullCommand implements Callable<Integer> {
  /** The file in the output folder that holds the change-feed cursor. */
  static final String CURSOR_FILE = ".sstc-cursor";

  @Spec CommandSpec spec;

  @Mixin HubOptions hubOptions;

  @Option(
      names = "--since",
      paramLabel = "CURSOR",
      description = "Start after this change-feed cursor instead of the one saved in DIR "
          + "(an empty string starts from the beginning).")
  String since;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "The folder to keep in step; created if absent.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SstcJson json = SstcJson.standard();
    try {
      createFolders(out);
    } catch (IOException e) {
      err.println("sstc: cannot create " + out + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    CursorStore cursor = CursorStore.inFile(out.resolve(CURSOR_FILE));
    if (since != null) {
      cursor.save(since.strip());
    }
    Map<ChangeType, Long> counts = new EnumMap<>(ChangeType.class);
    try (SstcClient client = hubOptions.client(false)) {
      client.changes().follow(cursor, change -> {
        apply(json, out, change);
        counts.merge(change.type(), 1L, Long::sum);
      });
    } catch (SstcException e) {
      err.println("sstc: pull from " + hubOptions.hub + " stopped: " + e.getMessage()
          + " (run the same command again to resume from the saved cursor)");
      return Sstc.USAGE_OR_IO;
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e.getCause())
          + " (run the same command again to resume from the saved cursor)");
      return Sstc.USAGE_OR_IO;
    }
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    stdout.println("pulled " + total + (total == 1 ? " change" : " changes") + " into " + out + ": "
        + counts.getOrDefault(ChangeType.CREATED, 0L) + " created, "
        + counts.getOrDefault(ChangeType.UPDATED, 0L) + " updated, "
        + counts.getOrDefault(ChangeType.DELETED, 0L) + " deleted; cursor "
        + cursor.load().orElse("(start)"));
    stdout.flush();
    return Sstc.OK;
  }

  /** Creates {@code out} and the two folders that {@link #apply} writes records into. */
  static void createFolders(Path out) throws IOException {
    Files.createDirectories(out.resolve("initiatives"));
    Files.createDirectories(out.resolve("organisations"));
  }

  /** Applies one event to the folder {@code out}: writes or deletes the record's file, atomically. */
  static void apply(SstcJson json, Path out, Change change) {
    Path file = out.resolve(change.recordType().equals("organisation") ? "organisations" : "initiatives")
        .resolve(fileName(change.id()));
    try {
      if (change.type() == ChangeType.DELETED) {
        Files.deleteIfExists(file);
        return;
      }
      String text = json.writePretty(change.record().orElseThrow(() -> new IllegalStateException(
          "the hub sent a " + change.type() + " event without its record: " + change.id())));
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.writeString(partial, text + "\n", StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A safe file name for a record id: ids may hold any character but white space and {@code /?#&|}
   * (e.g. {@code :} or {@code \}), so everything outside {@code [A-Za-z0-9._-]} is percent-encoded,
   * as is a leading dot (no hidden files, no {@code ..}).
   */
  static String fileName(String id) {
    StringBuilder name = new StringBuilder(id.length() + 5);
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean plain = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
          || b == '-' || b == '_' || (b == '.' && i > 0);
      if (plain) {
        name.append((char) b);
      } else {
        name.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return name.append(".json").toString();
  }
}
