package org.sstc.exchange.report.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.ValidationException;
import org.sstc.exchange.core.Validator;
import org.sstc.exchange.report.Inputs;
import org.sstc.exchange.report.internal.FileProblems;
import tools.jackson.databind.JsonNode;

/**
 * The records and validation issues of a set of files, as the HTML report shows them.
 *
 * <p>Records are kept as JSON trees, not bound to the model, so that an invalid record still
 * counts in the figures and gets its card: the report is where its issues are shown. Each file is
 * validated with the core {@link Validator} (streaming, the same verdict as {@code sstc
 * validate}), and each issue is attached to the record its pointer is under ({@code
 * /initiatives/2/...} or {@code /solutions/0/...} in a package, {@code /7/...} in NDJSON); issues outside any record (a
 * package header, a syntax error) belong to the file.
 */
public final class ReportData {
  /** A file larger than this is refused: the report keeps every record in memory. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  /**
   * One record.
   *
   * @param number 1-based, in the order of the files and of the records in them; the anchor
   * @param file the file's name as given
   * @param pointer the record's JSON Pointer in the file ({@code ""} for a single-record file)
   * @param type {@code initiative}, {@code organisation}, {@code solution}, or whatever {@code
   *     recordType} says
   * @param tree the record as read
   * @param issues the validator's issues under the record, pointers as in the file
   */
  public record Entry(int number, String file, String pointer, String type, JsonNode tree, List<Issue> issues) {
    /** The record's id, or {@code ""}. */
    public String id() {
      JsonNode id = tree.get("id");
      return id != null && id.isString() ? id.asString() : "";
    }

    /** True when some issue is an error. */
    public boolean invalid() {
      return issues.stream().anyMatch(Issue::isError);
    }
  }

  /**
   * An issue with where it was found.
   *
   * @param file the file's name as given
   * @param entry the record it is under, or null for the file as a whole
   * @param issue the issue
   */
  public record Finding(String file, @Nullable Entry entry, Issue issue) {}

  private final List<Entry> entries = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> files = new ArrayList<>();
  private int unreadable;

  /** Reads and validates one file; a file that cannot be read becomes an {@code io.unreadable} finding. */
  public void add(String name, @Nullable Path path, @Nullable String problem) {
    files.add(name);
    if (problem != null || path == null) {
      unreadable(name, problem != null ? problem : "not a valid path");
      return;
    }
    byte[] bytes;
    try {
      long size = StandardInput.isDash(name) ? 0 : Files.size(path);
      if (size > MAX_FILE_BYTES) {
        unreadable(name, "the file has " + size + " bytes; a report reads at most " + MAX_FILE_BYTES
            + " bytes a file (split it, or check it with 'sstc validate', which streams)");
        return;
      }
      try (InputStream in = StandardInput.open(name, path)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        unreadable(name, "standard input holds more than " + MAX_FILE_BYTES
            + " bytes; a report reads at most that much a file (split it, or check it with 'sstc validate', which streams)");
        return;
      }
    } catch (IOException e) {
      unreadable(name, Inputs.reason(e));
      return;
    }
    List<Issue> issues = new ArrayList<>();
    Validator.Format format = Validator.Format.of(path);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      Validator.standard().validateStream(in, format, issues::add);
    } catch (IOException e) {
      unreadable(name, Inputs.reason(e));
      return;
    } catch (RuntimeException e) {
      issues.add(FileProblems.validatorFailed(e));
    }
    List<Entry> added = format == Validator.Format.NDJSON ? ndjsonRecords(name, bytes) : documentRecords(name, bytes);
    for (Issue issue : issues) {
      Entry owner = owner(added, issue.pointer());
      if (owner != null) {
        owner.issues().add(issue);
      }
      findings.add(new Finding(name, owner, issue));
    }
    entries.addAll(added);
  }

  private void unreadable(String name, String problem) {
    unreadable++;
    findings.add(new Finding(name, null, FileProblems.unreadable(problem)));
  }

  private List<Entry> documentRecords(String name, byte[] bytes) {
    List<Entry> found = new ArrayList<>();
    JsonNode tree;
    try {
      tree = SstcJson.standard().readTree(bytes);
    } catch (ValidationException e) {
      return found; // the validator has reported why
    }
    if (!tree.isObject()) {
      return found;
    }
    if ("package".equals(tree.path("recordType").asString(""))) {
      for (String member : List.of("initiatives", "organisations", "solutions")) {
        JsonNode records = tree.path(member);
        for (int i = 0; i < records.size(); i++) {
          if (records.get(i).isObject()) {
            found.add(entry(name, "/" + member + "/" + i, records.get(i), member.substring(0, member.length() - 1), found.size()));
          }
        }
      }
    } else {
      found.add(entry(name, "", tree, tree.path("recordType").asString("record"), 0));
    }
    return found;
  }

  private List<Entry> ndjsonRecords(String name, byte[] bytes) {
    List<Entry> found = new ArrayList<>();
    int line = 0;
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        byte[] text = java.util.Arrays.copyOfRange(bytes, start, i);
        if (!new String(text, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
          try {
            JsonNode tree = SstcJson.standard().readTree(text);
            if (tree.isObject()) {
              found.add(entry(name, "/" + line, tree, tree.path("recordType").asString("record"), found.size()));
            }
          } catch (ValidationException e) {
            // reported by the validator, at this line
          }
        }
        line++;
        start = i + 1;
      }
    }
    return found;
  }

  /** A record of the file being read; {@code before} records of that file came first. */
  private Entry entry(String file, String pointer, JsonNode tree, String type, int before) {
    return new Entry(entries.size() + before + 1, file, pointer, type, tree, new ArrayList<>());
  }

  private static @Nullable Entry owner(List<Entry> candidates, String pointer) {
    for (Entry entry : candidates) {
      if (entry.pointer().isEmpty() || pointer.equals(entry.pointer()) || pointer.startsWith(entry.pointer() + "/")) {
        return entry;
      }
    }
    return null;
  }

  /**
   * Keeps one record of each type and id: the same record given twice (a package and a mirror of
   * it, or two exports) is counted once. The newest version wins, by {@code lastUpdated} (an
   * instant; a record without one is older than any with one); of equal versions the first read.
   * The issues of a dropped copy go with it. Records without an id are all kept.
   *
   * @return how many records were dropped
   */
  public int dropDuplicates() {
    Map<String, Entry> kept = new HashMap<>();
    for (Entry entry : entries) {
      if (!entry.id().isEmpty()) {
        kept.merge(entry.type() + "\u0000" + entry.id(), entry, (old, now) -> version(now).compareTo(version(old)) > 0 ? now : old);
      }
    }
    Set<Entry> keep = Collections.newSetFromMap(new IdentityHashMap<>());
    keep.addAll(kept.values());
    int before = entries.size();
    entries.removeIf(e -> !e.id().isEmpty() && !keep.contains(e));
    findings.removeIf(f -> f.entry() != null && !f.entry().id().isEmpty() && !keep.contains(f.entry()));
    return before - entries.size();
  }

  /** A record's version for {@link #dropDuplicates}: its {@code lastUpdated}, or the epoch's start. */
  private static Instant version(Entry entry) {
    try {
      return OffsetDateTime.parse(entry.tree().path("lastUpdated").asString("")).toInstant();
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  /** Every record, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /** Every issue, in file order, each with its record if it has one. */
  public List<Finding> findings() {
    return findings;
  }

  /** The files, as given. */
  public List<String> files() {
    return files;
  }

  /** How many files could not be read. */
  public int unreadableFiles() {
    return unreadable;
  }
}
