/**
 * The SSTC Exchange SDK core: the typed model of the standard, strict JSON reading and writing,
 * the codelists and the validator. Only {@code org.sstc.exchange.core} is public API.
 */
module org.sstc.exchange.core {
  requires transitive org.sstc.exchange.schema;
  requires transitive tools.jackson.databind;
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive org.jspecify;
  requires transitive jakarta.validation;
  requires com.networknt.schema;
  // Spreadsheets: RFC 4180 CSV reading and writing (flatten and unflatten a package).
  requires tools.jackson.dataformat.csv;
  requires org.hibernate.validator;
  requires java.logging;
  requires java.xml; // IATI XML: StAX reading and writing, XSD validation

  exports org.sstc.exchange.core;
  // The test kit's hub streams bulk uploads with the core's own parser settings, limits and
  // NDJSON line reader rather than a copy of them; nobody else sees this package.
  exports org.sstc.exchange.core.internal.json to
      org.sstc.exchange.testkit;
  // The SARIF and JUnit XML writers, shared by the command line (here) and sstc-maven-plugin (on
  // Maven's class path, where module boundaries do not apply); not API.
  exports org.sstc.exchange.core.internal.report to
      org.sstc.exchange.cli;
  // export-iati writes what IATI can hold of a package that is not valid yet (an import's
  // output): it binds such a package with required members left absent; not API.
  exports org.sstc.exchange.core.internal.model to
      org.sstc.exchange.cli;

  // Jackson binds the records and Hibernate Validator reads their constraints reflectively.
  opens org.sstc.exchange.core to
      tools.jackson.databind,
      org.hibernate.validator;
  opens org.sstc.exchange.core.internal.json to
      tools.jackson.databind;
}
