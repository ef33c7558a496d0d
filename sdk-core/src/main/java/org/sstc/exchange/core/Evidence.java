package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonPOJOBuilder;

/**
 * What shows that a {@link Solution} works: documents and measured results.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.1
 */
@JsonPropertyOrder({"documents", "results"})
@JsonDeserialize(builder = Evidence.Builder.class)
public final class Evidence {

  private final List<@Valid Document> documents;
  private final List<@Valid Result> results;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Evidence(Builder builder) {
    this.documents = builder.documents;
    this.results = builder.results;
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
   * A builder that starts from this evidence, to change a member or two.
   *
   * @return a new builder holding every member of this evidence, unknown members included;
   *     changing the builder leaves this evidence as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.documents = documents;
    builder.results = results;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The documents member: evaluations, case studies and other documents.
   *
   * @return evaluations, case studies and other documents; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("documents")
  public List<Document> documents() {
    return documents;
  }

  /**
   * The results member: results achieved where the solution was applied.
   *
   * @return results achieved where the solution was applied; an unmodifiable list, empty (never null) when there are none
   */
  @JsonProperty("results")
  public List<Result> results() {
    return results;
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
   * @return whether {@code other} is an {@code Evidence} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Evidence)) {
      return false;
    }
    Evidence that = (Evidence) other;
    return Objects.equals(documents, that.documents)
        && Objects.equals(results, that.results)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(documents, results, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Evidence{documents=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Evidence", new Object[] {"documents", documents, "results", results, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds an {@link Evidence}. Every member is optional.
   *
   * @since 1.1
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private List<Document> documents = List.of();
    private List<Result> results = List.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code documents}, replacing whatever was set or added before.
     *
     * @param documents evaluations, case studies and other documents; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder documents(@Nullable List<Document> documents) {
      this.documents = Copies.list(documents);
      return this;
    }

    /**
     * Adds one item to {@code documents}.
     *
     * @param item a document, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addDocument(Document item) {
      this.documents = Copies.append(this.documents, item);
      return this;
    }

    /**
     * Sets {@code results}, replacing whatever was set or added before.
     *
     * @param results results achieved where the solution was applied; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder results(@Nullable List<Result> results) {
      this.results = Copies.list(results);
      return this;
    }

    /**
     * Adds one item to {@code results}.
     *
     * @param item a result, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addResult(Result item) {
      this.results = Copies.append(this.results, item);
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Evidence}.
     *
     * @return a new, immutable {@code Evidence} with the members set so far; the builder can be
     *     used again
     */
    public Evidence build() {
      return new Evidence(this);
    }
  }
}
