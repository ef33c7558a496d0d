/**
 * The {@code sstc} command line: validates SSTC Exchange files of any size, serves an in-memory hub,
 * publishes to a hub and pulls from one. Nothing here is API: use {@code org.sstc.exchange.core} from code.
 */
module org.sstc.exchange.cli {
  requires org.sstc.exchange.core;
  requires org.sstc.exchange.client;
  requires org.sstc.exchange.testkit;
  requires info.picocli;
  requires java.logging;

  // picocli instantiates the commands and injects their options reflectively.
  opens org.sstc.exchange.cli to
      info.picocli;
}
