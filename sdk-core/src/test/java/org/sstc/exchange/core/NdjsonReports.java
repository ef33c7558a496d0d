package org.sstc.exchange.core;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

/** The whole report of an NDJSON document in memory, as the tests want it. */
final class NdjsonReports {
  private NdjsonReports() {}

  static ValidationReport validate(Validator validator, byte[] ndjson) {
    List<Issue> issues = new ArrayList<>();
    validator.validateStream(new ByteArrayInputStream(ndjson), Validator.Format.NDJSON, issues::add);
    return ValidationReport.of(issues);
  }
}
