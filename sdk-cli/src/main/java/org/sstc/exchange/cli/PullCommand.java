package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.client.Change;
import org.sstc.exchange.client.ChangePage;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sstc pull --hub URL [--since CURSOR] [--max-events N] --out DIR}: keeps a folder in step
 * with a hub by following its change feed.
 *
 * <p>Each page of events is checked whole ({@link FeedGuard}: no cursor going back, no event seen
 * twice, every record the one its event names), then applied (a record written to {@code
 * DIR/initiatives/NAME.json}, {@code DIR/organisations/NAME.json} or {@code
 * DIR/solutions/NAME.json}, or deleted), and only then is the hub's next cursor saved, as given, in
 * {@code DIR/.sstc-cursor}. Both writes are atomic renames, so a pull killed at any point and run
 * again resumes where it stopped: no event is lost, and the events of the page that was being
 * applied are applied again, which writes the same files again.
 */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Copies a hub's records into a folder and keeps them in step: created and updated records "
          + "are written as DIR/initiatives/NAME.json, DIR/organisations/NAME.json and "
          + "DIR/solutions/NAME.json (NAME is the id, or for a long or unusual id a readable "
          + "part of it and a hash; the id is always in the file), deleted ones removed. The "
          + "position in the change feed is kept in DIR/.sstc-cursor, so the next pull fetches "
          + "only what changed since. A run stops at the head of the feed or after --max-events.",
      "A page that goes back in the feed, repeats events, or holds a record other than the one "
          + "its event names is refused: nothing of it is applied and the cursor stays.",
      "Reads need no token: SSTC_TOKEN is sent only with --send-token."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:the folder is in step with the hub (or --max-events were applied)",
      "2:usage error, the folder cannot be written, the hub cannot be reached, or the hub sent "
          + "a page that was refused",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc pull --hub https://hub.example.org --out mirror/",
      "  sstc pull --hub http://127.0.0.1:8080 --since 120 --max-events 1000 --out mirror/"
    })
final class PullCommand implements Callable<Integer> {
  /** The file in the output folder that holds the change-feed cursor. */
  static final String CURSOR_FILE = ".sstc-cursor";
  /** Events asked for in one page: a few MiB of records at most. */
  static final int PAGE_SIZE = 200;
  /** File names are kept to this many characters with {@code .json} (file systems allow 255 bytes). */
  static final int MAX_NAME = 120;
  /** The readable start of a long or unusual id kept in its file name. */
  private static final int PREFIX = 60;

  @Spec CommandSpec spec;

  @Mixin HubOptions hubOptions;

  @Option(
      names = "--since",
      paramLabel = "CURSOR",
      description = "Start after this change-feed cursor instead of the one saved in DIR "
          + "(an empty string starts from the beginning).")
  @Nullable String since;

  @Option(
      names = "--max-events",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Stop after applying N events (whole pages; default ${DEFAULT-VALUE}); run "
          + "again to go on.")
  long maxEvents;

  @Option(
      names = "--send-token",
      description = "Send SSTC_TOKEN with the reads (only for a hub that asks for one: reads "
          + "need none, and a token is better not shown to a hub that does not need it).")
  boolean sendToken;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "The folder to keep in step; created if absent. A folder: - cannot stand for it.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (maxEvents < 1) {
      throw new ParameterException(spec.commandLine(), "--max-events must be 1 or more, not " + maxEvents);
    }
    PathArgument.refuseDashForFolder(spec, "--out", out);
    SstcJson json = SstcJson.standard();
    try (SstcClient client = hubOptions.reader(sendToken)) {
      try {
        createFolders(out);
      } catch (IOException e) {
        err.println("sstc: cannot create " + out + ": " + Inputs.reason(e));
        return Sstc.USAGE_OR_IO;
      }
      CursorStore cursor = CursorStore.inFile(out.resolve(CURSOR_FILE));
      String given = since;
      if (given != null) {
        cursor.save(given.strip());
      }
      Map<ChangeType, Long> counts = new EnumMap<>(ChangeType.class);
      long applied = 0;
      boolean atHead = false;
      try {
        Optional<String> position = cursor.load();
        FeedGuard guard = new FeedGuard(position);
        while (applied < maxEvents) {
          int limit = (int) Math.min(PAGE_SIZE, maxEvents - applied);
          ChangePage page = client.changes().withPageSize(limit).page(position);
          guard.check(position, page, limit);
          if (page.events().isEmpty()) {
            atHead = true;
            break;
          }
          for (Change change : page.events()) {
            apply(json, out, change);
            counts.merge(change.type(), 1L, Long::sum);
          }
          cursor.save(page.next()); // the hub's cursor, as given
          applied += page.events().size();
          position = Optional.of(page.next());
        }
      } catch (FeedGuard.Refused e) {
        err.println("sstc: pull from " + hubOptions.hub + " stopped: " + e.getMessage()
            + "; nothing of that page was applied and the cursor stays at "
            + cursor.load().orElse("the start") + " (a hub, or something between it and you, "
            + "is sending a broken feed: tell its operators)");
        summary(stdout, counts, cursor);
        return Sstc.USAGE_OR_IO;
      } catch (SstcException e) {
        err.println("sstc: pull from " + hubOptions.hub + " stopped: " + HubOptions.explain(e)
            + " (run the same command again to resume from the saved cursor)");
        summary(stdout, counts, cursor);
        return Sstc.USAGE_OR_IO;
      } catch (UncheckedIOException e) {
        err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e.getCause())
            + " (run the same command again to resume from the saved cursor)");
        summary(stdout, counts, cursor);
        return Sstc.USAGE_OR_IO;
      }
      summary(stdout, counts, cursor);
      if (!atHead) {
        err.println("sstc: stopped after " + applied + (applied == 1 ? " event" : " events")
            + " (--max-events " + maxEvents + "); run the same command again to go on");
      }
      stdout.flush();
      return Sstc.OK;
    }
  }

  private void summary(PrintWriter stdout, Map<ChangeType, Long> counts, CursorStore cursor) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    stdout.println("pulled " + total + (total == 1 ? " change" : " changes") + " into " + out + ": "
        + counts.getOrDefault(ChangeType.CREATED, 0L) + " created, "
        + counts.getOrDefault(ChangeType.UPDATED, 0L) + " updated, "
        + counts.getOrDefault(ChangeType.DELETED, 0L) + " deleted; cursor "
        + cursor.load().orElse("(start)"));
    stdout.flush();
  }

  /** Creates {@code out} and the two folders that {@link #apply} writes records into. */
  static void createFolders(Path out) throws IOException {
    Files.createDirectories(out.resolve("initiatives"));
    Files.createDirectories(out.resolve("organisations"));
  }

  /** The folder of a record type; null for a type this version does not know. */
  private static @Nullable String folder(String recordType) {
    switch (recordType) {
      case "initiative":
        return "initiatives";
      case "organisation":
        return "organisations";
      case "solution":
        return "solutions";
      default:
        return null;
    }
  }

  /**
   * Applies one event to the folder {@code out}: writes or deletes the record's file, atomically.
   *
   * @throws FeedGuard.Refused for a record type this version does not know
   */
  static void apply(SstcJson json, Path out, Change change) {
    String folder = folder(change.recordType());
    if (folder == null) {
      throw new FeedGuard.Refused("the hub sent event " + change.sequence() + " for an unknown record type '"
          + FeedGuard.shown(change.recordType()) + "'");
    }
    Path file = out.resolve(folder).resolve(fileName(change.id()));
    try {
      if (change.type() == ChangeType.DELETED) {
        Files.deleteIfExists(file);
        return;
      }
      String text = json.writePretty(change.record().orElseThrow(() -> new FeedGuard.Refused(
          "the hub sent a " + change.type() + " event without its record: " + FeedGuard.shown(change.id()))));
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.writeString(partial, text + "\n", StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A safe, stable file name for a record id. Ids may hold any character but white space and
   * {@code /?#&|} (e.g. {@code :} or {@code \}), and be long: everything outside {@code
   * [A-Za-z0-9._-]} is percent-encoded, as is a leading dot (no hidden files, no {@code ..}), and
   * a name that would then be longer than {@value #MAX_NAME} characters becomes its first
   * {@value #PREFIX} characters, {@code ~} and 32 hex digits of the id's SHA-256. {@code ~} is
   * never in an encoded id, so a hashed name cannot be another id's plain one.
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
    if (name.length() + ".json".length() <= MAX_NAME) {
      return name.append(".json").toString();
    }
    int cut = PREFIX;
    while (cut > 0 && name.lastIndexOf("%", cut - 1) > cut - 3) {
      cut--; // never half of an escape
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return name.substring(0, cut) + "~" + HexFormat.of().formatHex(hash, 0, 16) + ".json";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
