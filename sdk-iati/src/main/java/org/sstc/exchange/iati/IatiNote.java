package org.sstc.exchange.iati;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing in an IATI XML file that the SSTC standard has no place for (or that did not check
 * against the IATI schema), with where it is: the element path, line and column.
 *
 * <p>The importer never drops content silently: whatever it does not map (a {@code
 * <contact-info>}, a {@code <humanitarian-scope>}, a {@code collaboration-type} with no SSTC modality,
 * a second narrative where the standard keeps plain text) is listed as a note; so is every value
 * it read in the standard's spelling rather than the file's (a language tag {@code EN} read as
 * {@code en}, a media type {@code APPLICATION/PDF} as {@code application/pdf}) and every repeat it
 * merged (an SDG given twice, one organisation named in two letter cases). On export, a note
 * names what IATI has no place for and was not written (a solution record).
 *
 * <pre>{@code
 * for (IatiNote note : IatiXml.standard().read(file).unmapped()) {
 *   System.out.println(note); // 12:35 /iati-activities/iati-activity[1]/contact-info[1]: ...
 * }
 * }</pre>
 *
 * @param activityId the {@code iati-identifier} of the activity it belongs to, if any
 * @param path the element path, 1-based indices, e.g. {@code
 *     /iati-activities/iati-activity[3]/participating-org[2]/@crs-channel-code}
 * @param line the 1-based line where the element's start tag ends
 * @param column the 1-based column where the element's start tag ends
 * @param message what was not mapped, and why
 *
 * @since 1.0
 */
public record IatiNote(@Nullable String activityId, String path, long line, long column, String message) {
  /**
   * Makes a note.
   *
   * @param activityId the {@code iati-identifier} of the activity it belongs to; null for a note
   *     outside any activity, or in an activity without an identifier
   * @param path the element path with 1-based indices; {@code ""} for the whole document. Not null
   * @param line the 1-based line where the element's start tag ends; -1 when unknown
   * @param column the 1-based column where the element's start tag ends; -1 when unknown
   * @param message what was not mapped, and why, for a person; not null
   * @throws NullPointerException if {@code path} or {@code message} is null
   */
  public IatiNote {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** {@code line:column path: message}, as the command line prints it. */
  @Override
  public String toString() {
    return line + ":" + column + " " + path + ": " + message;
  }
}
