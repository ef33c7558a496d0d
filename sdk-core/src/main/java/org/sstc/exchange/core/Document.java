package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * A document about an initiative, published elsewhere.
 *
 * <p>Made with {@link #builder()}; {@link #toBuilder()} changes a copy. Members of a newer
 * minor version of the standard that this SDK does not know are kept when read and written
 * back unchanged, and take part in {@link #equals(Object)}.
 *
 * @since 1.0
 */
@JsonPropertyOrder({"id", "url", "title", "format", "category", "languages"})
@JsonDeserialize(builder = Document.Builder.class)
public final class Document {

  @NotNull @NotBlank private final String id;
  @NotNull private final String url;
  @NotNull private final LanguageMap title;
  @NotNull private final String format;
  @NotNull private final String category;
  private final List<String> languages;
  private final Map<String, JsonNode> unknownMembers;

  @SuppressWarnings("NullAway") // build() has checked every required member
  private Document(Builder builder) {
    this.id = builder.id;
    this.url = builder.url;
    this.title = builder.title;
    this.format = builder.format;
    this.category = builder.category;
    this.languages = builder.languages;
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
   * A builder that starts from this document, to change a member or two.
   *
   * @return a new builder holding every member of this document, unknown members included;
   *     changing the builder leaves this document as it is
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.id = id;
    builder.url = url;
    builder.title = title;
    builder.format = format;
    builder.category = category;
    builder.languages = languages;
    builder.unknownMembers.putAll(unknownMembers);
    return builder;
  }

  /**
   * The id member: unique within the initiative's documents.
   *
   * @return unique within the initiative's documents; never null (required: {@link Builder#build()} refuses a Document without it)
   */
  @JsonProperty("id")
  public String id() {
    return id;
  }

  /**
   * The url member: where to read it, an absolute URL.
   *
   * @return where to read it, an absolute URL; never null (required: {@link Builder#build()} refuses a Document without it)
   */
  @JsonProperty("url")
  public String url() {
    return url;
  }

  /**
   * The title member: its title.
   *
   * @return its title; never null (required: {@link Builder#build()} refuses a Document without it)
   */
  @JsonProperty("title")
  public LanguageMap title() {
    return title;
  }

  /**
   * The format member: its media type, e.g. {@code "application/pdf"}.
   *
   * @return its media type, e.g. {@code "application/pdf"}; never null (required: {@link Builder#build()} refuses a Document without it)
   */
  @JsonProperty("format")
  public String format() {
    return format;
  }

  /**
   * The category member: IATI DocumentCategory, e.g. {@code "A02"} (objectives).
   *
   * @return IATI DocumentCategory, e.g. {@code "A02"} (objectives); never null (required: {@link Builder#build()} refuses a Document without it)
   */
  @JsonProperty("category")
  public String category() {
    return category;
  }

  /**
   * The languages member: the languages it is written in (IATI Language codes, e.g. {@code "en"}); none means a language-neutral document, written as {@code []}.
   *
   * @return the languages it is written in (IATI Language codes, e.g. {@code "en"}); none means a language-neutral document, written as {@code []}; an unmodifiable list, empty (never null) when there are none
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonProperty("languages")
  public List<String> languages() {
    return languages;
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
   * @return whether {@code other} is a {@code Document} with the same members
   */
  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Document)) {
      return false;
    }
    Document that = (Document) other;
    return Objects.equals(id, that.id)
        && Objects.equals(url, that.url)
        && Objects.equals(title, that.title)
        && Objects.equals(format, that.format)
        && Objects.equals(category, that.category)
        && Objects.equals(languages, that.languages)
        && unknownMembers.equals(that.unknownMembers);
  }

  /**
   * A hash of every member, consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, url, title, format, category, languages, unknownMembers);
  }

  /**
   * A short text for logs and tests: the members present, absent ones left out.
   *
   * @return e.g. {@code Document{id=...}}
   */
  @Override
  public String toString() {
    return Copies.describe("Document", new Object[] {"id", id, "url", url, "title", title, "format", format, "category", category, "languages", languages, "unknownMembers", unknownMembers.keySet()});
  }

  /**
   * Builds a {@link Document}. {@link #build()} refuses one without its required members
   * (id, url, title, format, category), naming all of them at once.
   */
  @JsonPOJOBuilder(withPrefix = "")
  @JsonIgnoreProperties(value = "recordType")
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String url;
    private @Nullable LanguageMap title;
    private @Nullable String format;
    private @Nullable String category;
    private List<String> languages = List.of();
    private final Map<String, JsonNode> unknownMembers = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets {@code id}.
     *
     * @param id unique within the initiative's documents; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets {@code url}.
     *
     * @param url where to read it, an absolute URL; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder url(@Nullable String url) {
      this.url = url;
      return this;
    }

    /**
     * Sets {@code title}.
     *
     * @param title its title; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder title(@Nullable LanguageMap title) {
      this.title = title;
      return this;
    }

    /**
     * Sets {@code format}.
     *
     * @param format its media type, e.g. {@code "application/pdf"}; required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder format(@Nullable String format) {
      this.format = format;
      return this;
    }

    /**
     * Sets {@code category}.
     *
     * @param category IATI DocumentCategory, e.g. {@code "A02"} (objectives); required: {@link #build()} refuses to build without it
     * @return this builder
     */
    public Builder category(@Nullable String category) {
      this.category = category;
      return this;
    }

    /**
     * Sets {@code languages}, replacing whatever was set or added before.
     *
     * @param languages the languages it is written in (IATI Language codes, e.g. {@code "en"}); none means a language-neutral document, written as {@code []}; null or empty means none. The list is copied
     * @return this builder
     */
    public Builder languages(@Nullable List<String> languages) {
      this.languages = Copies.list(languages);
      return this;
    }

    /**
     * Adds one item to {@code languages}.
     *
     * @param item a language code, added after those already there; not null
     * @return this builder
     * @throws NullPointerException if {@code item} is null
     */
    public Builder addLanguage(String item) {
      this.languages = Copies.append(this.languages, item);
      return this;
    }

    /** Keeps a member this SDK does not know, to write it back unchanged. */
    @JsonAnySetter
    void unknownMember(String name, JsonNode value) {
      unknownMembers.put(name, value);
    }

    /**
     * The {@code Document}, once every required member is set.
     *
     * @return a new, immutable {@code Document} with the members set so far; the builder can be
     *     used again
     * @throws IllegalStateException if required members are missing; the message names all of
     *     them (id, url, title, format, category)
     */
    public Document build() {
      List<String> missing = new ArrayList<>();
      if (id == null) {
        missing.add("id");
      }
      if (url == null) {
        missing.add("url");
      }
      if (title == null) {
        missing.add("title");
      }
      if (format == null) {
        missing.add("format");
      }
      if (category == null) {
        missing.add("category");
      }
      Copies.requireMembers("Document", missing);
      return new Document(this);
    }
  }
}
