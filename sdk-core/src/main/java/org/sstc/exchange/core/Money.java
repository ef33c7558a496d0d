package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.internal.json.PlainDecimalAsString;
import org.sstc.exchange.core.internal.validation.Shapes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * An amount of money in one currency. The amount is exact (never a floating-point number) and is
 * written to JSON as a string, {@code "1250000.00"}, so that it keeps every digit in every language.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"amount", "currency", "valueDate"})
@JsonDeserialize(builder = Money.Builder.class)
@SuppressWarnings("exports") // Shapes' patterns are compile-time constants: inlined, never loaded
public final class Money {

  @NotNull @DecimalMin(value = "0", message = "must be 0 or more") private final BigDecimal amount;
  @NotNull @Pattern(regexp = Shapes.CURRENCY_REGEX) private final String currency;
  private final @Nullable LocalDate valueDate;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Money(Builder builder) {
    this.amount = builder.amount;
    this.currency = builder.currency;
    this.valueDate = builder.valueDate;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
  }

  /**
   * Money from its decimal text: {@code Money.of("1250000.00", "USD")}.
   *
   * @param amount the amount as decimal text, e.g. {@code "10.50"}: no grouping separators, a point
   *     for decimals; its scale is kept
   * @param currency an ISO 4217 alphabetic code, e.g. {@code "USD"}; checked by the validator, not
   *     here
   * @return money without a value date
   * @throws NumberFormatException if {@code amount} is not a decimal number
   * @throws NullPointerException if {@code amount} is null
   * @throws IllegalStateException if {@code currency} is null
   */
  public static Money of(String amount, String currency) {
    return of(new BigDecimal(Objects.requireNonNull(amount, "amount")), currency);
  }

  /**
   * Money from an exact decimal.
   *
   * @param amount the amount; its scale is kept
   * @param currency an ISO 4217 alphabetic code, e.g. {@code "USD"}
   * @return money without a value date
   * @throws IllegalStateException if either is null
   */
  public static Money of(BigDecimal amount, String currency) {
    return builder().amount(amount).currency(currency).build();
  }

  /**
   * A new, empty builder.
   *
   * @return a builder with every member absent and every list empty
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder that starts from this money, to change a member or two.
   *
   * @return a new builder holding every member of this money, unknown members included;
   *     changing the builder leaves this money as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.amount = amount;
    builder.currency = currency;
    builder.valueDate = valueDate;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The amount member: the amount, a non-negative decimal; its scale is kept ({@code 10.50} stays {@code "10.50"}).
   *
   * @return the amount, a non-negative decimal; its scale is kept ({@code 10.50} stays {@code "10.50"}); never null (required: {@link Builder#build()} refuses a Money without it)
   */
  @JsonSerialize(using = PlainDecimalAsString.class)
  @JsonProperty("amount")
  public BigDecimal amount() {
    return amount;
  }

  /**
   * The currency member: an ISO 4217 alphabetic code, e.g. {@code "USD"}.
   *
   * @return an ISO 4217 alphabetic code, e.g. {@code "USD"}; never null (required: {@link Builder#build()} refuses a Money without it)
   */
  @JsonProperty("currency")
  public String currency() {
    return currency;
  }

  /**
   * The valueDate member: the date on which the amount is valued, for conversions. Optional: it may be absent.
   *
   * @return the date on which the amount is valued, for conversions, or null when absent
   */
  @JsonProperty("valueDate")
  public @Nullable LocalDate valueDate() {
    return valueDate;
  }

  /**
   * A copy valued on the given date.
   *
   * @param date the day the amount is valued on, for conversions; null leaves the copy without one
   * @return a new {@code Money} with the same amount and currency; this one is unchanged
   */
  public Money withValueDate(@Nullable LocalDate date) {
    return toBuilder().valueDate(date).build();
  }

  /** Members not in this SDK's version of the standard, in the order they were read. */
  @JsonAnyGetter
  Map<String, JsonNode> unknownMembers() {
    return unknownMembers;
  }

  /**
   * Equal when every member, unknown members included, is equal.
   *
   * @param other the object to compare with; may be null
   * @return whether {@code other} is a {@code Money} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Money)) {
      return false;
    }
    Money that = (Money) other;
    return Objects.equals(amount, that.amount)
        && Objects.equals(currency, that.currency)
        && Objects.equals(valueDate, that.valueDate)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(amount, currency, valueDate, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Money{amount=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Money", new Object[] {"amount", amount, "currency", currency, "valueDate", valueDate, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Money}. {@link #build()} refuses one without its required members
   * (amount, currency), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable BigDecimal amount;
    private @Nullable String currency;
    private @Nullable LocalDate valueDate;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code amount}.
     *
     * @param amount the amount, a non-negative decimal; its scale is kept ({@code 10.50} stays {@code "10.50"}); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder amount(@Nullable BigDecimal amount) {
      this.amount = amount;
      return this;
    }

    /**
     * Sets {@code currency}.
     *
     * @param currency an ISO 4217 alphabetic code, e.g. {@code "USD"}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder currency(@Nullable String currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets {@code valueDate}.
     *
     * @param valueDate the date on which the amount is valued, for conversions; optional: null leaves it out
     * @return this builder
     */
    public Builder valueDate(@Nullable LocalDate valueDate) {
      this.valueDate = valueDate;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Money}, once every required member is set.
     *
     * @return a new, immutable {@code Money} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (amount, currency)
     */
    public Money build() {
      List<String> missing = new ArrayList<>();
      if (amount == null) {
        missing.add("amount");
      }
      if (currency == null) {
        missing.add("currency");
      }
      Copies.requireMembers("Money", missing);
      return new Money(this);
    }
  }
}
