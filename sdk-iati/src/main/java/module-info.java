import org.jspecify.annotations.NullMarked;

/**
 * IATI XML for SSTC Exchange: import of IATI activity and organisation files into the standard's
 * records, and export of records as IATI 2.03 activities, checked against the bundled XSD. Only
 * {@code org.sstc.exchange.iati} is public API.
 */
@NullMarked
module org.sstc.exchange.iati {
  requires transitive org.sstc.exchange.core;
  requires java.xml; // StAX reading and writing, XSD validation
  requires com.networknt.schema; // completion profiles are checked against their bundled JSON Schema

  exports org.sstc.exchange.iati;
}
