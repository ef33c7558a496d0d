package org.sstc.exchange.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stores the conformance suite runs against: every hub test class that touches the store is a
 * {@code @ParameterizedClass} over these. PostgreSQL is a real server (zonky's embedded binaries,
 * started once per test JVM); each storage gets a database of its own.
 */
enum StoreKind {
  MEMORY {
    @Override
    HubStorage open() {
      return HubStorage.memory();
    }
  },
  EMBEDDED {
    @Override
    HubStorage open() {
      try {
        return HubStorage.embedded(Files.createTempDirectory("sstc-hub-test-"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },
  POSTGRESQL {
    @Override
    HubStorage open() {
      return HubStorage.postgresql(newDatabase(), "postgres", "postgres");
    }
  };

  abstract HubStorage open();

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  /** The running PostgreSQL server (started on first use, stopped when the JVM ends). */
  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        Path dir = Files.createTempDirectory("sstc-pg-");
        postgres = EmbeddedPostgres.builder().setOverrideWorkingDirectory(dir.toFile()).start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is ending
        }
      }));
    }
    return postgres;
  }

  /** A new empty database on the server: its URL. */
  static String newDatabase() {
    EmbeddedPostgres server = postgres();
    String name = "hub" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return "postgresql://localhost:" + server.getPort() + "/" + name;
  }
}
