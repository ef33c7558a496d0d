/**
 * The {@code sstc} command line: validates SSTC Exchange files of any size and reports the issues
 * as text or JSON. Nothing here is API: use {@code org.sstc.exchange.core} from code.
 */
module org.sstc.exchange.cli {
  requires org.sstc.exchange.core;
  requires info.picocli;
  requires java.logging;

  // picocli instantiates the commands and injects their options reflectively.
  opens org.sstc.exchange.cli to
      info.picocli;
}
