package org.sstc.exchange.examples;

import java.io.PrintStream;
import java.util.List;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.BulkResult;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;

/**
 * Publishes the initiatives one organisation reports, from a package, to a hub in one bulk
 * upload, and prints what the hub did with each.
 *
 * <pre>
 * SSTC_TOKEN=... java ... org.sstc.exchange.examples.PublishOwnRecords https://hub.example.org XM-DAC-41301
 * </pre>
 *
 * <p>A token writes only for its own organisation: the hub refuses another's initiative
 * ({@code auth.forbidden}), so this sends only the initiatives whose {@code reportingOrg.id} is
 * the organisation's. Publishing the same records again changes nothing (each is reported
 * {@code unchanged}), so a scheduled job can simply publish everything every time.
 */
public final class PublishOwnRecords {
  private PublishOwnRecords() {}

  public static void main(String[] args) {
    if (args.length != 2 || System.getenv("SSTC_TOKEN") == null) {
      System.err.println("usage: SSTC_TOKEN=... PublishOwnRecords HUB_URL ORGANISATION_ID");
      System.exit(2);
    }
    try (SstcClient client = SstcClient.builder()
        .baseUrl(args[0])
        .token(System.getenv("SSTC_TOKEN"))
        .build()) {
      BulkReport report = publish(client, SamplePackage.read(), args[1], System.out);
      System.exit(report.rejected() == 0 ? 0 : 1);
    }
  }

  /** Publishes {@code organisation}'s initiatives of {@code pkg} and prints the hub's report. */
  public static BulkReport publish(SstcClient client, RecordPackage pkg, String organisation, PrintStream out) {
    List<Initiative> own = pkg.initiatives().stream()
        .filter(initiative -> initiative.reportingOrg().id().equals(organisation))
        .toList();
    // One request, streamed as gzip NDJSON: the hub validates and stores each record and reports
    // on each, so a broken record does not stop the others.
    BulkReport report = client.publish(own.stream());
    for (BulkResult result : report.results()) {
      out.println(result.id().orElse("(no id)") + ": " + result.status().name().toLowerCase(java.util.Locale.ROOT)
          + (result.version().isPresent() ? " (version " + result.version().getAsLong() + ")" : "")
          + result.issues().stream().map(issue -> "\n  " + issue).reduce("", String::concat));
    }
    out.printf("%s: %d sent, %d created, %d updated, %d unchanged, %d rejected%n", organisation,
        report.received(), report.created(), report.updated(), report.unchanged(), report.rejected());
    return report;
  }
}
