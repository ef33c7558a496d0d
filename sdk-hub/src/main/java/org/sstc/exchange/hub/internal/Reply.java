package org.sstc.exchange.hub.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete response: status, headers and body. Idempotency keeps these to send them again.
 *
 * @param closeConnection true when the request body was not read to its end
 */
record Reply(int status, Map<String, String> headers, byte[] body, boolean closeConnection) {
  static final String JSON = "application/json";
  static final String PROBLEM = "application/problem+json";

  Reply {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  static Reply json(int status, byte[] body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", JSON);
    all.putAll(headers);
    return new Reply(status, all, body, false);
  }

  static Reply json(int status, byte[] body) {
    return json(status, body, Map.of());
  }

  static Reply empty(int status, Map<String, String> headers) {
    return new Reply(status, headers, new byte[0], false);
  }

  static Reply problem(Problem problem, String instance, String requestId) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", PROBLEM);
    all.putAll(problem.headers);
    return new Reply(problem.status, all, problem.toJson(instance, requestId), problem.closeConnection);
  }

  Reply withHeader(String name, String value) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new Reply(status, all, body, closeConnection);
  }
}
