package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * Money that moved, or was committed, between partners of an initiative.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "type", "date", "value", "reversal", "providerId", "receiverId", "description"})
@JsonDeserialize(builder = Transaction.Builder.class)
public final class Transaction {

  @NotNull @NotBlank private final String id;
  @NotNull private final TransactionType type;
  @NotNull private final LocalDate date;
  @NotNull @Valid private final Money value;
  private final @Nullable Boolean reversal;
  private final @Nullable String providerId;
  private final @Nullable String receiverId;
  private final @Nullable LanguageMap description;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Transaction(Builder builder) {
    this.id = builder.id;
    this.type = builder.type;
    this.date = builder.date;
    this.value = builder.value;
    this.reversal = builder.reversal;
    this.providerId = builder.providerId;
    this.receiverId = builder.receiverId;
    this.description = builder.description;
    this.unknownMembers = Copies.orderedMap(builder.unknownMembers);
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
   * A builder that starts from this transaction, to change a member or two.
   *
   * @return a new builder holding every member of this transaction, unknown members included;
   *     changing the builder leaves this transaction as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.type = type;
    builder.date = date;
    builder.value = value;
    builder.reversal = reversal;
    builder.providerId = providerId;
    builder.receiverId = receiverId;
    builder.description = description;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: unique within the initiative's transactions.
   *
   * @return unique within the initiative's transactions; never null (required: {@link Builder#build()} refuses a Transaction without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The type member: the IATI TransactionType, e.g. {@link TransactionType#OUTGOING_COMMITMENT} or {@link TransactionType#DISBURSEMENT}.
   *
   * @return the IATI TransactionType, e.g. {@link TransactionType#OUTGOING_COMMITMENT} or {@link TransactionType#DISBURSEMENT}; never null (required: {@link Builder#build()} refuses a Transaction without it)
   */
  @JsonProperty("type")
  public TransactionType type() {
    return type;
  }

  /**
   * The date member: when it happened.
   *
   * @return when it happened; never null (required: {@link Builder#build()} refuses a Transaction without it)
   */
  @JsonProperty("date")
  public LocalDate date() {
    return date;
  }

  /**
   * The value member: the amount.
   *
   * @return the amount; never null (required: {@link Builder#build()} refuses a Transaction without it)
   */
  @JsonProperty("value")
  public Money value() {
    return value;
  }

  /**
   * The reversal member: true when this transaction reverses or corrects an earlier one of the
   * same type, so that its value counts negatively in every total (IATI writes such a correction
   * with a negative value). Optional: absent means false.
   *
   * @return true for a reversal, false or null (absent) for an ordinary transaction
   * @since 1.1
   */
  @JsonProperty("reversal")
  public @Nullable Boolean reversal() {
    return reversal;
  }

  /**
   * The value as it counts in totals: negative for a {@linkplain #reversal() reversal}.
   *
   * @return {@code value().amount()}, negated when {@code reversal} is true
   * @since 1.1
   */
  public java.math.BigDecimal signedAmount() {
    return Boolean.TRUE.equals(reversal) ? value.amount().negate() : value.amount();
  }

  /**
   * The providerId member: the {@link Participation#id()} of the partner that gave. Optional: it may be absent.
   *
   * @return the {@link Participation#id()} of the partner that gave, or null when absent
   */
  @JsonProperty("providerId")
  public @Nullable String providerId() {
    return providerId;
  }

  /**
   * The receiverId member: the {@link Participation#id()} of the partner that received. Optional: it may be absent.
   *
   * @return the {@link Participation#id()} of the partner that received, or null when absent
   */
  @JsonProperty("receiverId")
  public @Nullable String receiverId() {
    return receiverId;
  }

  /**
   * The description member: what it was for. Optional: it may be absent.
   *
   * @return what it was for, or null when absent
   */
  @JsonProperty("description")
  public @Nullable LanguageMap description() {
    return description;
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
   * @return whether {@code other} is a {@code Transaction} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Transaction)) {
      return false;
    }
    Transaction that = (Transaction) other;
    return Objects.equals(id, that.id)
        && Objects.equals(type, that.type)
        && Objects.equals(date, that.date)
        && Objects.equals(value, that.value)
        && Objects.equals(reversal, that.reversal)
        && Objects.equals(providerId, that.providerId)
        && Objects.equals(receiverId, that.receiverId)
        && Objects.equals(description, that.description)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, type, date, value, reversal, providerId, receiverId, description, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Transaction{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Transaction", new Object[] {"id", id, "type", type, "date", date, "value", value, "reversal", reversal, "providerId", providerId, "receiverId", receiverId, "description", description, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Transaction}. {@link #build()} refuses one without its required members
   * (id, type, date, value), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable TransactionType type;
    private @Nullable LocalDate date;
    private @Nullable Money value;
    private @Nullable Boolean reversal;
    private @Nullable String providerId;
    private @Nullable String receiverId;
    private @Nullable LanguageMap description;
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id unique within the initiative's transactions; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code type}.
     *
     * @param type the IATI TransactionType, e.g. {@link TransactionType#OUTGOING_COMMITMENT} or {@link TransactionType#DISBURSEMENT}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder type(@Nullable TransactionType type) {
      this.type = type;
      return this;
    }

    /**
     * Sets {@code date}.
     *
     * @param date when it happened; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder date(@Nullable LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Sets {@code value}.
     *
     * @param value the amount; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder value(@Nullable Money value) {
      this.value = value;
      return this;
    }

    /**
     * Sets {@code reversal}.
     *
     * @param reversal true when this transaction reverses or corrects an earlier one (its value
     *     then counts negatively in totals); optional: null leaves it out, which means false
     * @return this builder
     * @since 1.1
     */
    public Builder reversal(@Nullable Boolean reversal) {
      this.reversal = reversal;
      return this;
    }

    /**
     * Sets {@code providerId}.
     *
     * @param providerId the {@link Participation#id()} of the partner that gave; optional: null leaves it out
     * @return this builder
     */
    public Builder providerId(@Nullable String providerId) {
      this.providerId = providerId;
      return this;
    }

    /**
     * Sets {@code receiverId}.
     *
     * @param receiverId the {@link Participation#id()} of the partner that received; optional: null leaves it out
     * @return this builder
     */
    public Builder receiverId(@Nullable String receiverId) {
      this.receiverId = receiverId;
      return this;
    }

    /**
     * Sets {@code description}.
     *
     * @param description what it was for; optional: null leaves it out
     * @return this builder
     */
    public Builder description(@Nullable LanguageMap description) {
      this.description = description;
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Transaction}, once every required member is set.
     *
     * @return a new, immutable {@code Transaction} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, type, date, value)
     */
    public Transaction build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (type == null) {
        missing.add("type");
      }
      if (date == null) {
        missing.add("date");
      }
      if (value == null) {
        missing.add("value");
      }
      Copies.requireMembers("Transaction", missing);
      return new Transaction(this);
    }
  }
}
