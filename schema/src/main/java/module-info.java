/**
 * The SSTC Exchange standard as files: JSON Schemas per version and codelists as JSON.
 */
module org.sstc.exchange.schema {
  exports org.sstc.exchange.schema;
}
