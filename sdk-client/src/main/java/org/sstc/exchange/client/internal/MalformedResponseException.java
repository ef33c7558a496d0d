package org.sstc.exchange.client.internal;

/** A response body that is not what the contract says (not JSON, a missing field, a bad record). */
public final class MalformedResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedResponseException(String message) {
    super(message);
  }

  public MalformedResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
