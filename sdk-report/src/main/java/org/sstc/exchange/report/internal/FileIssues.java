package org.sstc.exchange.report.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.core.Issue;
import org.sstc.exchange.core.Validator;

/**
 * The issues of one file, kept until the file ends, with the file's {@link SourceMap}: what the
 * SARIF and JUnit reporters share.
 */
final class FileIssues {
  final String name;
  final @Nullable Path path;
  final List<Issue> issues = new ArrayList<>();
  private final Path base;
  private @Nullable SourceMap map;
  /** Whether {@link #map()} lists every record of the file, or only those with an issue. */
  boolean allRecords = true;

  /**
   * One file's issues.
   *
   * @param name how the report names the file: a path, absolute or relative to {@code base}
   * @param base the absolute, normalised directory that relative names (and SARIF's URIs) start from
   */
  FileIssues(String name, Path base) {
    this.name = name;
    this.base = base;
    Path p;
    try {
      p = base.resolve(name);
    } catch (InvalidPathException e) {
      p = null;
    }
    this.path = p;
  }

  boolean ndjson() {
    return path != null && Validator.Format.of(path) == Validator.Format.NDJSON;
  }

  /** True when the file could not be read or the validator failed: nothing in it was checked. */
  boolean broken() {
    return issues.stream().anyMatch(i -> i.code().equals(FileProblems.UNREADABLE) || i.code().equals(FileProblems.VALIDATOR_FAILED));
  }

  /** The file's source map, read once, on first use; empty when the file cannot be read. */
  SourceMap map() {
    if (map == null) {
      Set<String> wanted = new HashSet<>();
      for (Issue issue : issues) {
        wanted.add(issue.pointer());
      }
      map = path == null || broken() ? SourceMap.empty() : SourceMap.of(path, ndjson(), wanted, allRecords);
    }
    return map;
  }

  /**
   * Where the issue is: the value its pointer names (or the nearest enclosing value), or the line
   * the validator gave; syntax and encoding errors use the validator's line, which is where the
   * reading stopped.
   */
  SourceMap.@Nullable Position position(Issue issue) {
    if (issue.code().startsWith("json.") && issue.line() != null) {
      return new SourceMap.Position(issue.line(), 0);
    }
    if (broken()) {
      return null;
    }
    SourceMap.Position found = map().find(issue.pointer());
    if (found == null && issue.line() != null) {
      return new SourceMap.Position(issue.line(), 0);
    }
    return found;
  }

  /**
   * The file as a URI reference: relative to the base directory ({@code data/a%20b.json}) when
   * it is below it, else an absolute {@code file:} URI.
   */
  String uri() {
    if (path == null) {
      return name.replace("\\", "/");
    }
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(base) && !absolute.equals(base)) {
      String relative = base.relativize(absolute).toString().replace(java.io.File.separatorChar, '/');
      try {
        return new URI(null, null, relative, null).toASCIIString();
      } catch (URISyntaxException e) {
        return absolute.toUri().toASCIIString();
      }
    }
    return absolute.toUri().toASCIIString();
  }

  /** True when {@link #uri()} is relative to the base directory. */
  boolean relative() {
    return !uri().startsWith("file:");
  }
}
