package org.sstc.exchange.core.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Money;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.Sector;

/**
 * Bean Validation's messages need no Expression Language: the constraints' default messages hold
 * EL, which the parameter interpolator cannot run, and Hibernate Validator then logged a warning
 * (HV000185) to the user's stderr for every out-of-range number it checked.
 */
class BeanCheckTest {
  private final List<LogRecord> logged = new ArrayList<>();

  @Test
  void outOfRangeNumbersAreExplainedPlainlyAndNothingIsLogged() {
    Logger hibernate = Logger.getLogger("org.hibernate.validator");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    hibernate.addHandler(capture);
    try {
      BeanCheck check = new BeanCheck();
      List<Issue> issues = new ArrayList<>();
      issues.addAll(check.check(Money.of("-5", "USD")));
      issues.addAll(check.check(Sector.builder().code("31120").percentage(new BigDecimal("140")).build()));
      issues.addAll(check.check(RecipientCountry.builder()
          .code("MZ")
          .percentage(new BigDecimal("-1"))
          .build()));

      assertThat(issues).extracting(Issue::message).anySatisfy(m -> assertThat(m).contains("must be 0 or more"));
      assertThat(issues).extracting(Issue::message).anySatisfy(m -> assertThat(m).contains("must be 100 or less"));
      assertThat(issues).extracting(Issue::message).allSatisfy(m -> assertThat(m).doesNotContain("${").doesNotContain("{value}"));
      assertThat(logged).extracting(LogRecord::getMessage).noneMatch(m -> String.valueOf(m).contains("HV000185"));
    } finally {
      hibernate.removeHandler(capture);
    }
  }
}
