package org.sstc.exchange.core.internal.validation;

import org.sstc.exchange.core.SstcRecord;

/** The rules of the standard beyond the schema, and the codelist checks, on one bound record. */
public final class RuleChecks {
  private RuleChecks() {}

  /**
   * Checks one record. The record was bound leniently, so any field may be null even where the
   * standard requires it: the schema check has already reported that.
   */
  public static void check(SstcRecord record, Findings findings) {
    // filled in by the rules work
  }
}
