package org.sstc.exchange.core;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A result an initiative aims at or reached.
 *
 * @param id unique within the initiative's results
 * @param type IATI ResultType: {@code "1"} output, {@code "2"} outcome, {@code "3"} impact
 * @param title the result
 * @param indicators how it is measured
 */
public record Result(
    @NotNull @NotBlank String id,
    @NotNull String type,
    @NotNull LanguageMap title,
    List<@Valid ResultIndicator> indicators) {

  /**
   * Makes the record; the lists and maps given are copied, so the record stays immutable.
   *
   * @param id unique within the initiative's results; required by the standard: null leaves it
   *     absent, which the validator reports
   * @param type IATI ResultType: {@code "1"} output, {@code "2"} outcome, {@code "3"} impact;
   *     required by the standard: null leaves it absent, which the validator reports
   * @param title the result; required by the standard: null leaves it absent, which the validator
   *     reports
   * @param indicators how it is measured; null or empty means none. The list is copied
   */
  public Result {
    indicators = Copies.list(indicators);
  }
}
