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
      description = "Keep the hub's data in DIR (an embedded database, DIR/hub.db; created if absent). Env SSTC_DATA.")
  @Nullable Path data;

  @Option(
      names = "--database",
      paramLabel = "URL",
      description = {
        "Keep the hub's data in PostgreSQL: postgresql://HOST:PORT/DB. The user and password come from "
            + "SSTC_DATABASE_USER and SSTC_DATABASE_PASSWORD (or PGUSER and PGPASSWORD). Env SSTC_DATABASE."
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
   * Opens the storage the flags name (migrating it if needed), a PostgreSQL one with the default
   * pool.
   *
   * @throws ParameterException if neither or both flags were given, or the URL is not one
   * @throws StoreFailure if the storage cannot be opened
   */
  HubStorage open(CommandSpec spec) {
    return open(spec, HubStorage.DEFAULT_POOL_SIZE);
  }

  /**
   * Opens the storage the flags name (migrating it if needed).
   *
   * @param poolSize the connections of a PostgreSQL storage
   * @throws ParameterException if neither or both flags were given, or the URL is not one
   * @throws StoreFailure if the storage cannot be opened
   */
  HubStorage open(CommandSpec spec, int poolSize) {
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
      if (url == null) {
        throw new ParameterException(spec.commandLine(), "say where the hub's data is: --data DIR (an embedded"
            + " database in DIR) or --database postgresql://HOST:PORT/DB");
      }
      return HubStorage.postgresql(url, user(), env("SSTC_DATABASE_PASSWORD", "PGPASSWORD"), poolSize);
    } catch (ParameterException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--database " + redacted(String.valueOf(url)) + ": "
          + e.getMessage());
    } catch (RuntimeException e) {
      throw failure("opening it", e);
    }
  }

  /**
   * A store failure as a message for a person: which store (a database URL without its password),
   * what failed, why, and what to check.
   */
  StoreFailure failure(String what, RuntimeException e) {
    String cause = ServeCommand.rootMessage(e);
    StringBuilder message = new StringBuilder("the hub's store ").append(where()).append(" failed ").append(what)
        .append(": ").append(cause);
    if (!cause.contains("newer SSTC hub")) {
      message.append(database != null
          ? ". Check that PostgreSQL runs at that address and accepts connections from this machine, that the database"
              + " exists, and the user and password in SSTC_DATABASE_USER and SSTC_DATABASE_PASSWORD (or PGUSER and"
              + " PGPASSWORD)"
          : ". Check that the folder exists or can be made, that you may write to it and to hub.db in it, and that"
              + " the disk is not full");
    }
    return new StoreFailure(message.toString(), e);
  }

  /**
   * What a command throws when work on the opened store failed: a {@link StoreFailure} that names
   * the store, unless the failure is already one the command line reports (a usage error, a file
   * that cannot be written).
   */
  RuntimeException failed(String what, RuntimeException e) {
    if (e instanceof ParameterException || e instanceof StoreFailure || e instanceof java.io.UncheckedIOException) {
      return e;
    }
    return failure(what, e);
  }

  /** The store the flags name, for messages: never a password. */
  private String where() {
    if (data != null) {
      return "in " + data.resolve("hub.db") + " (--data " + data + ")";
    }
    String user = user();
    return "at " + redacted(String.valueOf(database)) + (user != null ? " (user " + user + ")" : "");
  }

  /** A URL without what may be a password: user information and password parameters. */
  static String redacted(String url) {
    return url.replaceAll("//[^/@]*@", "//").replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static @Nullable String user() {
    return env("SSTC_DATABASE_USER", "PGUSER");
  }

  private static @Nullable String env(String name, String fallback) {
    String value = ServeCommand.environment.apply(name);
    return value != null && !value.isEmpty() ? value : ServeCommand.environment.apply(fallback);
  }
}
