package org.sstc.exchange.cli.internal;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress bar on stderr, {@code [#######.............]  35%  360.2 MiB / 1.0 GiB},
 * redrawn at most four times a second and cleared at the end. It is shown only on a terminal and
 * for large inputs; otherwise every method does nothing. Files are read on several threads at
 * once, so the bar counts and draws under its own lock.
 */
public final class Progress {
  /** Inputs up to this many bytes in total validate too fast to need a bar. */
  public static final long THRESHOLD_BYTES = 20L * 1024 * 1024;

  private static final long INTERVAL_NANOS = 250_000_000L;
  private static final int BAR_WIDTH = 30;
  private static final Progress NONE = new Progress(null, 0, System::nanoTime);

  private final @Nullable PrintWriter err;
  private final long total;
  private final LongSupplier nanoClock;
  private long done;
  private long lastDraw;
  private boolean drawn;
  private int width;

  private Progress(@Nullable PrintWriter err, long total, LongSupplier nanoClock) {
    this.err = err;
    this.total = total;
    this.nanoClock = nanoClock;
    this.lastDraw = nanoClock.getAsLong() - INTERVAL_NANOS;
  }

  /**
   * The bar for {@code total} bytes of input: shown only if {@code terminal} (stderr is where a
   * person watches) and the input is larger than {@link #THRESHOLD_BYTES}.
   */
  public static Progress of(PrintWriter err, long total, boolean terminal) {
    return terminal && total > THRESHOLD_BYTES ? new Progress(err, total, System::nanoTime) : NONE;
  }

  /** A bar that is always shown, with its own clock: for tests. */
  public static Progress always(PrintWriter err, long total, LongSupplier nanoClock) {
    return new Progress(err, total, nanoClock);
  }

  /** A bar that shows nothing. */
  public static Progress none() {
    return NONE;
  }

  /** True if this bar draws anything. */
  public boolean active() {
    return err != null;
  }

  /** Counts bytes read; redraws if the last drawing is old enough. */
  public synchronized void advance(long bytes) {
    if (err == null) {
      return;
    }
    done += bytes;
    long now = nanoClock.getAsLong();
    if (now - lastDraw >= INTERVAL_NANOS) {
      lastDraw = now;
      draw(err);
    }
  }

  /** Removes the bar from the screen, e.g. before other output; the next advance draws it again. */
  public synchronized void clear() {
    if (err == null || !drawn) {
      return;
    }
    err.print('\r' + " ".repeat(width) + '\r');
    err.flush();
    drawn = false;
  }

  private void draw(PrintWriter out) {
    long shown = Math.min(done, total);
    int percent = total == 0 ? 100 : (int) (shown * 100 / total);
    int filled = total == 0 ? BAR_WIDTH : (int) (shown * BAR_WIDTH / total);
    String line =
        "["
            + "#".repeat(filled)
            + ".".repeat(BAR_WIDTH - filled)
            + "] "
            + String.format(Locale.ROOT, "%3d%%", percent)
            + "  "
            + bytes(shown)
            + " / "
            + bytes(total);
    int pad = Math.max(0, width - line.length());
    out.print('\r' + line + " ".repeat(pad));
    out.flush();
    width = Math.max(width, line.length());
    drawn = true;
  }

  /** {@code 512 B}, {@code 20.0 MiB}, {@code 1.3 GiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
