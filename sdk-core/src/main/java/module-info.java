import org.jspecify.annotations.NullMarked;

/**
 * The SSTC Exchange SDK core: the typed model of the standard, strict JSON reading and writing,
 * the codelists and the validator. Only {@code org.sstc.exchange.core} is public API.
 */
@NullMarked
module org.sstc.exchange.core {
  requires transitive org.sstc.exchange.schema;
  requires transitive tools.jackson.databind;
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive org.jspecify;
  requires transitive jakarta.validation;
  requires com.networknt.schema;
  requires java.logging;

  exports org.sstc.exchange.core;

  // Jackson binds the records. The validator does not run Bean Validation; a user's own Hibernate
  // Validator (@Valid in Spring or Jakarta EE) reads the records' constraints reflectively.
  opens org.sstc.exchange.core to
      tools.jackson.databind,
      org.hibernate.validator;
  opens org.sstc.exchange.core.internal.json to
      tools.jackson.databind;
}
