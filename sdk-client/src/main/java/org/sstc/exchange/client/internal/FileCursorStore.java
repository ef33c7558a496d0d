package org.sstc.exchange.client.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * A cursor kept in one small file. A save writes a temporary file next to it, forces it to disk
 * and moves it over the old one atomically, so that a crash leaves the old cursor or the new one,
 * never half of one.
 */
public final class FileCursorStore {
  private final Path file;

  public FileCursorStore(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
  }

  public Optional<String> load() {
    try {
      String value = Files.readString(file, StandardCharsets.UTF_8).trim();
      return value.isEmpty() ? Optional.empty() : Optional.of(value);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the cursor file " + file + ": " + e.getMessage(), e);
    }
  }

  public void save(String cursor) {
    Objects.requireNonNull(cursor, "cursor");
    Path directory = file.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(cursor.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot save the cursor to " + file + ": " + e.getMessage()
              + " (the file system must allow an atomic move within " + directory + ")", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the first failure is the one worth reporting
        }
      }
    }
  }

  @Override
  public String toString() {
    return "CursorStore.inFile(" + file + ")";
  }
}
