package org.sstc.exchange.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Opens the files of the standard that this jar carries: {@code 1.0/initiative.schema.json},
 * {@code 1.1/solution.schema.json}, {@code record.schema.json} (the entry schema that picks the
 * version by {@code schemaVersion}), {@code codelists/Country.json}, and so on — the same paths
 * as under {@code schema/} in the source tree.
 *
 * <p>The SDK reads its schemas and codelists only through this class, so that nothing is ever
 * fetched from the network and the module system need not open any package.
 *
 * @since 1.0
 */
public final class StandardFiles {
  /**
   * The newest version of the standard that this jar carries; its schemas are under {@code
   * CURRENT_VERSION + "/"}, next to those of every older minor version ({@code 1.0/}).
   */
  public static final String CURRENT_VERSION = "1.1";

  private StandardFiles() {}

  /**
   * Opens a bundled file of the standard.
   *
   * @param path a path relative to {@code schema/}, e.g. {@code "1.0/initiative.schema.json"}
   * @return a stream the caller must close
   * @throws UncheckedIOException if no such file is bundled
   */
  public static InputStream open(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("path must be relative to schema/ and stay inside it: " + path);
    }
    InputStream in = StandardFiles.class.getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(
          new IOException("The standard has no bundled file '" + path + "' (paths are relative to schema/, e.g. '1.0/initiative.schema.json')"));
    }
    return in;
  }

  /**
   * Tells whether a file of the standard is bundled.
   *
   * @param path a path relative to {@code schema/}
   * @return true if {@link #open(String)} would find it
   */
  public static boolean exists(String path) {
    return !path.startsWith("/") && !path.contains("..") && StandardFiles.class.getResource(path) != null;
  }
}
