import org.jspecify.annotations.NullMarked;

/**
 * A consumer of the SDK, as a modular application writes it: it reads the published modules'
 * exported packages and nothing else.
 */
@NullMarked
module org.sstc.exchange.consumer {
  requires org.sstc.exchange.core;
  requires org.sstc.exchange.client;
  requires org.sstc.exchange.iati;
  requires org.sstc.exchange.sheets;
  requires org.sstc.exchange.report;
  requires org.sstc.exchange.hub;
  requires org.sstc.exchange.testkit;

  exports org.sstc.exchange.consumer;
}
