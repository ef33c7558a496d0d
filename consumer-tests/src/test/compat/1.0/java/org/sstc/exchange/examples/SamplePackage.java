package org.sstc.exchange.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;

/**
 * The sample package bundled with the examples: South-South and triangular cooperation
 * initiatives modelled on those described in the UN Secretary-General's 2019 report on the state
 * of South-South cooperation, with their organisations. The figures are illustrative.
 *
 * <pre>{@code
 * RecordPackage sample = SamplePackage.read();
 * sample.initiatives().forEach(i -> System.out.println(i.id() + "  " + i.title().text()));
 * }</pre>
 *
 * <p>The same records, one a line, are bundled as NDJSON ({@link #openNdjson()}).
 */
public final class SamplePackage {
  /** The sample package's file name, next to this class. */
  public static final String RESOURCE = "sample-package.json";

  /** The same records as NDJSON, organisations first, then initiatives. */
  public static final String NDJSON_RESOURCE = "sample-records.ndjson";

  private SamplePackage() {}

  /** A new stream on the sample package's JSON; the caller closes it. */
  public static InputStream open() {
    return openResource(RESOURCE);
  }

  /** The sample package's JSON, as UTF-8 bytes. */
  public static byte[] bytes() {
    return readResource(RESOURCE);
  }

  /** The sample package, read (and so validated) by {@link SstcJson}. */
  public static RecordPackage read() {
    return SstcJson.standard().read(bytes(), RecordPackage.class);
  }

  /** A new stream on the sample records as NDJSON; the caller closes it. */
  public static InputStream openNdjson() {
    return openResource(NDJSON_RESOURCE);
  }

  /** The sample records as NDJSON, UTF-8 bytes. */
  public static byte[] ndjsonBytes() {
    return readResource(NDJSON_RESOURCE);
  }

  /** Prints what the sample holds. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the sample's publisher, its initiatives by modality and each initiative's title. */
  public static void run(PrintStream out) {
    RecordPackage sample = read();
    out.println("Publisher: " + sample.publisher().name() + " (" + sample.publisher().id() + ")");
    out.println(sample.initiatives().size() + " initiatives, "
        + sample.organisations().size() + " organisations");

    Map<String, Integer> byModality = new TreeMap<>();
    for (Initiative initiative : sample.initiatives()) {
      byModality.merge(initiative.modality().code(), 1, Integer::sum);
    }
    out.println("By modality: " + byModality);

    for (Initiative initiative : sample.initiatives()) {
      // LanguageMap.text() is the English text when there is one, else the first given.
      out.printf("  %-10s %s%n             %s%n",
          initiative.modality().code(), initiative.id(), initiative.title().text());
    }
  }

  private static InputStream openResource(String name) {
    // A resource of this class's own package: readable from inside the module without "opens".
    InputStream in = SamplePackage.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the examples jar has no " + name + " next to "
          + SamplePackage.class.getName());
    }
    return in;
  }

  private static byte[] readResource(String name) {
    try (InputStream in = openResource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + name, e);
    }
  }
}
