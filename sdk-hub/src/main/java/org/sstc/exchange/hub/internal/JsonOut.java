package org.sstc.exchange.hub.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small JSON writer for the hub's envelopes (search pages, history, events, reports, problems).
 *
 * <p>Records inside an envelope are copied in as the exact bytes {@code SstcJson} wrote, so that
 * a record reads the same whether it comes from {@code GET /initiatives/{id}} or from a search
 * page. Envelope properties are written in the order the caller gives.
 */
final class JsonOut {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
  // For each open object or array: whether something was written in it yet.
  private final Deque<boolean[]> open = new ArrayDeque<>();
  private boolean afterName;

  JsonOut beginObject() {
    separate();
    out.write('{');
    open.push(new boolean[1]);
    return this;
  }

  JsonOut endObject() {
    open.pop();
    out.write('}');
    return this;
  }

  JsonOut beginArray() {
    separate();
    out.write('[');
    open.push(new boolean[1]);
    return this;
  }

  JsonOut endArray() {
    open.pop();
    out.write(']');
    return this;
  }

  JsonOut name(String name) {
    separate();
    writeString(name);
    out.write(':');
    afterName = true;
    return this;
  }

  JsonOut string(String value) {
    separate();
    writeString(value);
    return this;
  }

  JsonOut number(long value) {
    separate();
    ascii(Long.toString(value));
    return this;
  }

  JsonOut bool(boolean value) {
    separate();
    ascii(value ? "true" : "false");
    return this;
  }

  /** Copies an already written JSON value (a record, a report) in verbatim. */
  JsonOut raw(byte[] json) {
    separate();
    out.writeBytes(json);
    return this;
  }

  JsonOut raw(String json) {
    return raw(json.getBytes(StandardCharsets.UTF_8));
  }

  JsonOut field(String name, String value) {
    return name(name).string(value);
  }

  JsonOut field(String name, long value) {
    return name(name).number(value);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    boolean[] state = open.peek();
    if (state != null) {
      if (state[0]) {
        out.write(',');
      }
      state[0] = true;
    }
  }

  private void ascii(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  private void writeString(String value) {
    if (isPlainAscii(value)) {
      // Most names and values (ids, statuses, types): their bytes as they are, no copy to escape.
      out.write('"');
      out.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
      out.write('"');
      return;
    }
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Printable ASCII without a quote or backslash: written inside quotes as it is. */
  private static boolean isPlainAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
