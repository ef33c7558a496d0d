package org.sstc.exchange.cli;

/**
 * The hub's store could not be opened or failed while a command used it (the database is not
 * reachable, refuses the credentials, the folder is not writable): not a usage error, so the
 * message says which store, what failed and what to check, and no "--help" hint follows it. The
 * command exits {@value Sstc#USAGE_OR_IO}.
 */
final class StoreFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
