package org.sstc.exchange.cli.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Validator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A file the user names on the command line, where {@code -} stands for standard input (as an input)
 * or standard output (as an {@code --out} file): the one place every command opens such a path.
 * Standard input is read once, as a stream; it is never closed here, since it is not the command's.
 */
public final class PathArgument {
  /** The path that names standard input or standard output. */
  public static final String DASH = "-";

  private PathArgument() {}

  /** True when {@code path} is {@code -}. */
  public static boolean isDash(@Nullable Path path) {
    return path != null && path.toString().equals(DASH);
  }

  /**
   * The file, or standard input for {@code -}. A folder, a pipe or a device given by name is refused
   * (an {@link IOException} whose message says so): a pipe is read through {@code -}.
   */
  public static InputStream open(Path path) throws IOException {
    if (isDash(path)) {
      return new FilterInputStream(System.in) {
        @Override
        public void close() {
          // standard input stays open: it is not ours
        }
      };
    }
    if (Files.isDirectory(path)) {
      throw new IOException("a folder, not a file");
    }
    if (Files.exists(path) && !Files.isRegularFile(path)) {
      throw new IOException("not a regular file (a pipe, socket or device): give - and redirect it to standard input");
    }
    return Files.newInputStream(path);
  }

  /**
   * Every byte of the file or of standard input, at most {@code max}.
   *
   * @param advice what to do about a larger input, e.g. "split it"
   * @throws IOException when it cannot be read, or holds more than {@code max} bytes
   */
  public static byte[] readAll(Path path, int max, String advice) throws IOException {
    try (InputStream in = open(path)) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new IOException((isDash(path) ? "standard input" : "the file") + " holds more than "
            + (max >> 20) + " MiB: " + advice);
      }
      return bytes;
    }
  }

  /**
   * How to read {@code content}: NDJSON or one document by a file's name; for standard input,
   * NDJSON when its first line is a whole object and more lines follow.
   */
  public static Validator.Format format(Path path, byte[] content) {
    if (!isDash(path)) {
      return Validator.Format.of(path);
    }
    String text = new String(content, StandardCharsets.UTF_8).strip();
    int newline = text.indexOf('\n');
    if (newline <= 0) {
      return Validator.Format.JSON;
    }
    String first = text.substring(0, newline).strip();
    boolean ndjson = first.startsWith("{") && first.endsWith("}") && !text.substring(newline).isBlank();
    return ndjson ? Validator.Format.NDJSON : Validator.Format.JSON;
  }

  /**
   * Refuses {@code -} given more than once among {@code paths}: standard input can be read once. A
   * usage error (status 2).
   */
  public static void refuseRepeatedDash(CommandSpec spec, java.util.List<String> paths) {
    if (paths.stream().filter(DASH::equals).count() > 1) {
      throw new ParameterException(spec.commandLine(), "- (standard input) is given more than once: it can be read "
          + "only once; give it once");
    }
  }

  /**
   * Refuses {@code -} where a folder is needed: a usage error (status 2) that says why.
   *
   * @param what the option or parameter, e.g. {@code --out} or {@code DIR}
   */
  public static void refuseDashForFolder(CommandSpec spec, String what, @Nullable Path path) {
    if (isDash(path)) {
      throw new ParameterException(spec.commandLine(), what + " is a folder: '-' (standard input or output) "
          + "cannot stand for one; name the folder");
    }
  }

  /**
   * Writes {@code text} to standard output ({@code out}, the command's writer) for {@code --out -}.
   *
   * @return false when it could not be written (a closed pipe, a full disk), which the caller says
   */
  public static boolean print(PrintWriter out, String text) {
    out.print(text);
    out.flush();
    return !out.checkError();
  }

  /**
   * UTF-8 bytes written to it go to {@code out} as text; closing it flushes {@code out} and leaves it
   * open. For {@code --out -}: the command's writer is its standard output (which tests replace).
   */
  public static OutputStream textTo(PrintWriter out) {
    return new OutputStream() {
      private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);
      private final CharBuffer chars = CharBuffer.allocate(1 << 16);

      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
          int step = Math.min(pending.remaining(), end - at);
          pending.put(bytes, at, step);
          at += step;
          drain(false);
        }
      }

      /** Decodes what is pending; a character split across writes waits for its last bytes. */
      private void drain(boolean endOfInput) {
        pending.flip();
        while (true) {
          decoder.decode(pending, chars, endOfInput);
          chars.flip();
          out.append(chars);
          boolean full = chars.limit() == chars.capacity();
          chars.clear();
          if (!full) {
            break;
          }
        }
        pending.compact();
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {
        drain(true);
        out.flush();
      }
    };
  }
}
