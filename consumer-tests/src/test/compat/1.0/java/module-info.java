import org.jspecify.annotations.NullMarked;

/**
 * Runnable examples of the SSTC Exchange SDK and a bundled sample package. Read them as the
 * README's examples: each class has a {@code main} and fits on a screen.
 */
@NullMarked
module org.sstc.exchange.examples {
  // Transitive: the examples' methods return the core's types (Initiative, RecordPackage).
  requires transitive org.sstc.exchange.core;
  // Transitive: PublishOwnRecords and MirrorChanges take an SstcClient.
  requires transitive org.sstc.exchange.client;
  // BuildReport uses sdk-report's HtmlReport.
  requires transitive org.sstc.exchange.report;
  // Spreadsheet flattens and unflattens a package.
  requires transitive org.sstc.exchange.sheets;

  // SamplePackage reads the bundled sample from its own module, so the resource package needs
  // no "opens".
  exports org.sstc.exchange.examples;
}
