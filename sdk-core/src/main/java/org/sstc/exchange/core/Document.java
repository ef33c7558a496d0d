package org.sstc.exchange.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A document about an initiative, published elsewhere.
 *
 * @param id unique within the initiative's documents
 * @param url where to read it
 * @param title its title
 * @param format its media type, e.g. {@code "application/pdf"}
 * @param category IATI DocumentCategory, e.g. {@code "A02"} (objectives)
 * @param languages the languages it is written in (IATI Language codes, e.g. {@code "en"})
 */
public record Document(
    @NotNull @NotBlank String id,
    @NotNull String url,
    @NotNull LanguageMap title,
    @NotNull String format,
    @NotNull String category,
    // Required by the schema even when empty (a language-neutral document): written always,
    // unlike the model's other collections, which are left out when empty.
    @JsonInclude(JsonInclude.Include.ALWAYS) List<String> languages) {

  /**
   * Makes the record; the list of languages is copied, so the record stays immutable. Nothing is
   * validated here: use {@link Validator}.
   *
   * @param id unique within the initiative's documents; required by the standard (null leaves it
   *     absent, which the validator reports)
   * @param url where to read it, an absolute URL; required
   * @param title its title, in one language or more; required
   * @param format its media type, e.g. {@code "application/pdf"}; required
   * @param category IATI DocumentCategory code, e.g. {@code "A02"} (objectives); required
   * @param languages the languages it is written in (IATI Language codes); null or empty means a
   *     language-neutral document, written as {@code []}. The list is copied
   */
  public Document {
    languages = Copies.list(languages);
  }
}
