import org.jspecify.annotations.NullMarked;

/**
 * The report formats of SSTC Exchange validation (JSON, SARIF, JUnit XML, the HTML report) and the
 * one "validate these paths" run that {@code sstc validate} and {@code sstc:validate} share. Only
 * {@code org.sstc.exchange.report} is public API.
 */
@NullMarked
module org.sstc.exchange.report {
  requires transitive org.sstc.exchange.core;
  requires java.xml; // JUnit XML output (StAX)

  exports org.sstc.exchange.report;
}
