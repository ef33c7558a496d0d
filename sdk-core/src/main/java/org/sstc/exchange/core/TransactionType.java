package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What kind of money movement a transaction is ({@link Transaction#type()}): the IATI TransactionType codelist, closed, as bundled in
 * {@code schema/codelists/TransactionType.json}.
 *
 * @since 1.0
 */
public enum TransactionType {
  /** {@code "1"}, Incoming Funds: funds received for use on the activity, which can be from an external or internal source. */
  INCOMING_FUNDS("1"),
  /** {@code "2"}, Outgoing Commitment: a firm, written obligation from a donor or provider to provide a specified amount of funds, under particular terms and conditions, for specific purposes, for the benefit of the recipient. */
  OUTGOING_COMMITMENT("2"),
  /** {@code "3"}, Disbursement: outgoing funds that are placed at the disposal of a recipient government or organisation, or funds transferred between two separately reported activities. */
  DISBURSEMENT("3"),
  /** {@code "4"}, Expenditure: outgoing funds that are spent on goods and services for the activity. */
  EXPENDITURE("4"),
  /** {@code "5"}, Interest Payment: the actual amount of interest paid on a loan or line of credit, including fees. */
  INTEREST_PAYMENT("5"),
  /** {@code "6"}, Loan Repayment: the actual amount of principal (amortisation) repaid, including any arrears. */
  LOAN_REPAYMENT("6"),
  /** {@code "7"}, Reimbursement: a type of disbursement that covers funds that have already been spent by the recipient, as agreed in the terms of the grant or loan. */
  REIMBURSEMENT("7"),
  /** {@code "8"}, Purchase of Equity: outgoing funds that are used to purchase equity in a business. */
  PURCHASE_OF_EQUITY("8"),
  /** {@code "9"}, Sale of Equity: incoming funds from the sale of equity. */
  SALE_OF_EQUITY("9"),
  /** {@code "10"}, Credit Guarantee: a commitment made by a funding organisation to underwrite a loan or line of credit entered into by a third party. */
  CREDIT_GUARANTEE("10"),
  /** {@code "11"}, Incoming Commitment: a firm, written obligation from a donor or provider to provide a specified amount of funds, under particular terms and conditions, reported by a recipient for this activity. */
  INCOMING_COMMITMENT("11"),
  /** {@code "12"}, Outgoing Pledge: indicative, non-binding advice of an intended outgoing commitment. */
  OUTGOING_PLEDGE("12"),
  /** {@code "13"}, Incoming Pledge: indicative, non-binding advice of an intended incoming commitment. */
  INCOMING_PLEDGE("13");

  private final String code;

  TransactionType(String code) {
    this.code = code;
  }

  /**
   * The code as the standard writes it in JSON.
   *
   * @return the IATI code, e.g. {@code "1"}; {@link #fromCode(String)} gives this constant back
   *     for it
   */
  @JsonValue
  public String code() {
    return code;
  }

  /**
   * Finds the constant for an IATI code.
   *
   * @param code a code such as {@code "1"}
   * @return the constant, or empty if the code is not one of this list's
   */
  public static Optional<TransactionType> fromCode(String code) {
    for (TransactionType value : values()) {
      if (value.code.equals(code)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  // Binding is lenient on purpose: an unknown code becomes null, and the codelist check (which
  // reads the code from the JSON tree) reports it as codelist.unknown-code with its pointer.
  @JsonCreator
  static @Nullable TransactionType fromJson(String code) {
    return fromCode(code).orElse(null);
  }

  @Override
  public String toString() {
    return code;
  }
}
