package org.sstc.exchange.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Issue;

class TallyTest {
  @Test
  void summaryLine() {
    Tally tally = new Tally();
    tally.file(true);
    tally.issue(Issue.warning("codelist.open-code", "/sectors/0/code", "x"));
    tally.file(true);
    tally.issue(Issue.error("rule.date-order", "/dates/plannedEnd", "x"));
    tally.file(false);
    assertEquals("3 files, 2 valid, 1 invalid: 1 error, 1 warning", tally.summary());
    tally.unreadable();
    assertEquals("4 files, 2 valid, 1 invalid, 1 unreadable: 1 error, 1 warning", tally.summary());
  }
}
