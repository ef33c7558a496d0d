package org.sstc.exchange.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.hub.HubStorage;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a hub's data is: {@code --data DIR} (the embedded store) or {@code --database URL}
 * (PostgreSQL, credentials from {@code SSTC_DATABASE_USER} / {@code SSTC_DATABASE_PASSWORD}, else
 * {@code PGUSER} / {@code PGPASSWORD}: never an argument, which every user of the machine can read).
 * Shared by {@code sstc serve}, {@code sstc tokens} and {@code sstc hub}.
 */
final class StorageOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Keep the hub's data in DIR (an embedded database, DIR/hub.db; created if absent).")
  @Nullable Path data;

  @Option(
      names = "--database",
      paramLabel = "URL",
      description = {
        "Keep the hub's data in PostgreSQL: postgresql://HOST:PORT/DB. The user and password come from "
            + "SSTC_DATABASE_USER and SSTC_DATABASE_PASSWORD (or PGUSER and PGPASSWORD)."
      })
  @Nullable String database;

  /** True when neither flag was given. */
  boolean absent() {
    return data == null && database == null;
  }

  /**
   * Opens a storage that must exist already: reading or exporting a hub that is not there is a
   * mistyped path, not a request to make an empty one.
   *
   * @throws ParameterException as {@link #open}, or if {@code --data DIR} holds no hub
   */
  HubStorage openExisting(CommandSpec spec) {
    Path dir = data;
    if (dir != null && database == null && !java.nio.file.Files.isRegularFile(dir.resolve("hub.db"))) {
      throw new ParameterException(spec.commandLine(), "--data " + dir + " holds no hub (there is no "
          + dir.resolve("hub.db") + "): check the path, or start a hub there with sstc serve --data " + dir);
    }
    return open(spec);
  }

  /**
   * Opens the storage the flags name (migrating it if needed).
   *
   * @throws ParameterException if neither or both flags were given, or the storage cannot be opened
   */
  HubStorage open(CommandSpec spec) {
    Path dir = data;
    String url = database;
    PathArgument.refuseDashForFolder(spec, "--data", dir);
    if (dir != null && url != null) {
      throw new ParameterException(spec.commandLine(), "give --data DIR or --database URL, not both");
    }
    try {
      if (dir != null) {
        return HubStorage.embedded(dir);
      }
      if (url != null) {
        return HubStorage.postgresql(url, env("SSTC_DATABASE_USER", "PGUSER"), env("SSTC_DATABASE_PASSWORD", "PGPASSWORD"));
      }
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "cannot open the hub's store ("
          + (dir != null ? "--data " + dir : "--database " + String.valueOf(url).replaceAll("//.*@", "//")) + "): " + ServeCommand.rootMessage(e));
    }
    throw new ParameterException(spec.commandLine(), "say where the hub's data is: --data DIR (an embedded"
        + " database in DIR) or --database postgresql://HOST:PORT/DB");
  }

  private static @Nullable String env(String name, String fallback) {
    String value = System.getenv(name);
    return value != null && !value.isEmpty() ? value : System.getenv(fallback);
  }
}
