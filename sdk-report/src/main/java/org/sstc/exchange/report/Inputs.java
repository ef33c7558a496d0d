package org.sstc.exchange.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.report.internal.RecordFiles;

/**
 * Turns paths as a user gives them (command-line arguments, a plugin's configuration) into the
 * files to validate, as {@link ValidationRun} and {@link HtmlReport} do: the one directory walk of
 * the command line and the Maven plugin.
 *
 * @since 1.0
 */
public final class Inputs {
  private Inputs() {}

  /**
   * One file to validate.
   *
   * @param name the path as given on the command line, or as found below a given directory
   * @param path the file, or null when {@code name} is not a valid path
   * @param problem why it cannot be read, when that is known before opening it; else null
   */
  public record Input(String name, @Nullable Path path, @Nullable String problem) {}

  /**
   * The files the arguments name: a file as given (whatever its extension), a directory as every
   * {@code *.json}, {@code *.ndjson} and {@code *.jsonl} file below it, recursively, in sorted
   * order. Files that do not exist are kept, to be reported when opened.
   *
   * @param arguments the paths as given
   * @return the files, in order
   */
  public static List<Input> expand(List<String> arguments) {
    List<Input> inputs = new ArrayList<>();
    for (String argument : arguments) {
      Path path;
      try {
        path = Path.of(argument);
      } catch (InvalidPathException e) {
        inputs.add(new Input(argument, null, "not a valid path (" + e.getReason() + ")"));
        continue;
      }
      if (Files.isDirectory(path)) {
        inputs.addAll(walk(path));
      } else if (Files.exists(path) && !Files.isRegularFile(path)) {
        // A FIFO or a device can be read once, or never ends; every reader here reads a file twice.
        inputs.add(new Input(argument, null, "not a regular file (a pipe, socket or device): "
            + "save what it holds to a file and give that"));
      } else {
        inputs.add(new Input(argument, path, null));
      }
    }
    return inputs;
  }

  /**
   * Says in a few words why a file could not be read: {@code no such file}, {@code permission
   * denied}, {@code not a directory} ...
   *
   * @param e the failure, or null when there is none to name (an {@code UncheckedIOException}'s
   *     cause, say)
   * @return the reason
   */
  public static String reason(@Nullable IOException e) {
    if (e == null) {
      return "an input or output error";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileAlreadyExistsException) {
      // its message is only the path: say what is in the way
      return "a file is in the way where a folder is needed (or the other way round)";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemLoopException) {
      return "a symbolic link loops back to a directory above it";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static List<Input> walk(Path directory) {
    List<Input> found = new ArrayList<>();
    try {
      Files.walkFileTree(directory, new SimpleFileVisitor<Path>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          // Links are not followed into directories, but a link to a file counts as that file.
          boolean regular =
              attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file));
          if (regular && RecordFiles.isRecordFile(file)) {
            found.add(new Input(file.toString(), file, null));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
          // An unreadable directory or file below: reported, and the walk goes on.
          if (Files.isDirectory(file) || RecordFiles.isRecordFile(file)) {
            found.add(new Input(file.toString(), file, reason(failure)));
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof IOException ? (IOException) e : ((UncheckedIOException) e).getCause();
      found.add(new Input(directory.toString(), directory, reason(cause)));
    }
    found.sort(Comparator.comparing(Input::name));
    return found;
  }
}
