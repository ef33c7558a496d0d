import org.jspecify.annotations.NullMarked;

/**
 * The {@code sstc} command line: validates SSTC Exchange files of any size, serves an in-memory hub,
 * publishes to a hub, pulls from one, writes HTML reports and runs a demo. The only API is {@code
 * Sstc}, the entry point; the HTML report is sdk-report's {@code HtmlReport}.
 */
@NullMarked
module org.sstc.exchange.cli {
  requires org.sstc.exchange.core;
  requires org.sstc.exchange.client;
  requires org.sstc.exchange.hub;
  requires org.sstc.exchange.iati;
  requires org.sstc.exchange.sheets;
  requires org.sstc.exchange.report;
  requires info.picocli;
  requires java.logging;

  // Sstc is the entry point; the commands are package-private, reached by picocli through the
  // "opens" below.
  exports org.sstc.exchange.cli;

  // picocli instantiates the commands and injects their options reflectively.
  opens org.sstc.exchange.cli to
      info.picocli;
}
