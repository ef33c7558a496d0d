package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.Folders;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Plural;
import org.sstc.exchange.report.Inputs;
import org.sstc.exchange.core.Upgraded;
import org.sstc.exchange.core.Upgrader;
import org.sstc.exchange.core.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sstc upgrade}: rewrites records of an earlier minor version of the standard as a later
 * one, all or nothing: when any file is invalid or unreadable, no file is written.
 */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Rewrites 1.0 records, packages and NDJSON files as a later version of the standard (1.1):"
          + " only schemaVersion changes, every other member is kept as it is, in its order.",
      "Each file is validated first. When any file has an error or cannot be read, its issues are"
          + " printed and no file is written at all."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every file was upgraded (or already was at the version) and written",
      "1:some file is invalid, or follows a later version than --to (nothing is written)",
      "2:usage error, a file cannot be read, or the folder cannot be written (nothing is written)",
      "3:internal error"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc upgrade records/ --to 1.1 --out records-1.1/",
      "  sstc upgrade package.json big.ndjson --to 1.1 --out upgraded/",
      "  sstc upgrade - --to 1.1 --out - < package-1.0.json > package-1.1.json"
    })
final class UpgradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "Files (*.json; *.ndjson or *.jsonl, one record a line) or folders, walked for those files; "
          + "- reads one JSON document (a record or a package) from standard input, with --out -.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--to", required = true, paramLabel = "VERSION",
      description = "The version to write, e.g. 1.1.")
  String to;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
      description = "The folder to write into, created if absent; a folder argument's files keep"
          + " their paths below it. Files already there are replaced. - writes the upgrade of one PATH"
          + " (a file or -) to standard output instead, and what changed to standard error.")
  Path out;

  /** One file to upgrade and where its upgrade goes, relative to --out. */
  private record Job(Path source, Path relative) {}

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Upgrader upgrader;
    try {
      upgrader = Upgrader.to(to);
    } catch (IllegalArgumentException e) {
      err.println("sstc: --to " + to + ": " + e.getMessage());
      return Sstc.USAGE_OR_IO;
    }
    if (PathArgument.isDash(out)) {
      return toStandardOutput(upgrader);
    }
    if (paths.contains(PathArgument.DASH)) {
      throw new ParameterException(spec.commandLine(), "- (standard input) has no file name to write under --out "
          + out + ": give --out - to write its upgrade to standard output");
    }
    List<Job> jobs = new ArrayList<>();
    boolean unreadable = false;
    for (String argument : paths) {
      for (Inputs.Input input : Inputs.expand(List.of(argument))) {
        if (input.problem() != null || input.path() == null) {
          err.println("sstc: cannot read " + input.name() + ": " + input.problem());
          unreadable = true;
          continue;
        }
        Path root = Path.of(argument);
        Path relative = Files.isDirectory(root) ? root.relativize(input.path()) : input.path().getFileName();
        jobs.add(new Job(input.path(), relative));
      }
    }
    if (unreadable) {
      err.println("sstc: nothing was written");
      return Sstc.USAGE_OR_IO;
    }
    Path staging;
    boolean outExisted = Files.isDirectory(out);
    try {
      Files.createDirectories(out);
      staging = Files.createTempDirectory(out, ".sstc-upgrade-");
    } catch (IOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    try {
      int status = stage(upgrader, jobs, staging, stdout, err);
      if (status != Sstc.OK) {
        stdout.println("nothing was written: fix the files above first ('sstc validate' explains each issue)");
        return status;
      }
      for (Job job : jobs) {
        Path target = out.resolve(job.relative());
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.move(staging.resolve(job.relative()), target,
            StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      stdout.println("upgraded " + Plural.count(jobs.size(), "file") + " to " + upgrader.targetVersion() + " in " + out);
      return Sstc.OK;
    } catch (IOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    } finally {
      deleteQuietly(staging);
      if (!outExisted) {
        deleteIfEmpty(out);
      }
    }
  }

  /** A folder this run created and filled with nothing goes again: nothing was written. */
  private static void deleteIfEmpty(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isEmpty()) {
        Files.delete(folder);
      }
    } catch (IOException | UncheckedIOException ignored) {
      // it stays; it is empty or holds what was written
    }
  }

  /** Upgrades every file into the staging folder; any refusal fails the whole run. */
  private static int stage(Upgrader upgrader, List<Job> jobs, Path staging, PrintWriter stdout, PrintWriter err)
      throws IOException {
    int status = Sstc.OK;
    for (Job job : jobs) {
      Outcome outcome = upgradeOne(upgrader, job.source(), stdout, err);
      status = Math.max(status, outcome.status());
      if (outcome.upgraded() == null) {
        continue;
      }
      Path staged = staging.resolve(job.relative());
      Files.createDirectories(staged.getParent());
      Files.write(staged, outcome.upgraded().json());
    }
    return status;
  }

  /** {@code --out -}: one file, or standard input, upgraded onto standard output; what is said goes to stderr. */
  private int toStandardOutput(Upgrader upgrader) {
    PrintWriter err = spec.commandLine().getErr();
    Path source = paths.size() == 1 ? Path.of(paths.get(0)) : null;
    if (source == null || Files.isDirectory(source)) {
      throw new ParameterException(spec.commandLine(), "--out - writes the upgrade of one file to standard output: "
          + "give one PATH (a file, or - for standard input), or a folder as --out");
    }
    Outcome outcome = upgradeOne(upgrader, source, err, err);
    if (outcome.upgraded() == null) {
      err.println("nothing was written: fix the file first ('sstc validate' explains each issue)");
      return outcome.status();
    }
    if (!PathArgument.print(spec.commandLine().getOut(), new String(outcome.upgraded().json(), StandardCharsets.UTF_8))) {
      err.println("sstc: cannot write the upgrade to standard output");
      return Sstc.USAGE_OR_IO;
    }
    return Sstc.OK;
  }

  /** One file's upgrade, or why there is none (printed) with the status it earns. */
  private record Outcome(@Nullable Upgraded upgraded, int status) {}

  private static Outcome upgradeOne(Upgrader upgrader, Path source, PrintWriter messages, PrintWriter err) {
    Upgraded upgraded;
    try {
      upgraded = PathArgument.isDash(source)
          ? upgrader.upgrade(PathArgument.readAll(source, MAX_STANDARD_INPUT, "save it to a file and upgrade that"))
          : upgrader.upgrade(source);
    } catch (ValidationException e) {
      e.report().issues().forEach(issue -> messages.println(source + ":" + issue));
      messages.println(source + " is not valid (" + Plural.count(e.report().errors().size(), "error") + "): not upgraded");
      return new Outcome(null, Sstc.INVALID);
    } catch (IllegalArgumentException e) {
      messages.println(source + ": " + e.getMessage());
      return new Outcome(null, Sstc.INVALID);
    } catch (IOException e) {
      err.println("sstc: cannot read " + source + ": " + Inputs.reason(e));
      return new Outcome(null, Sstc.USAGE_OR_IO);
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot read " + source + ": " + Inputs.reason(e.getCause()));
      return new Outcome(null, Sstc.USAGE_OR_IO);
    }
    upgraded.changes().forEach(change -> messages.println(source + ":" + change));
    if (upgraded.changes().isEmpty()) {
      messages.println(source + ": already " + upgraded.toVersion() + ", unchanged");
    }
    return new Outcome(upgraded, Sstc.OK);
  }

  /** Standard input is held in memory, as an upgraded file is (Upgrader's limit). */
  private static final int MAX_STANDARD_INPUT = 256 << 20;

  private static void deleteQuietly(Path folder) {
    try {
      Folders.deleteTree(folder);
    } catch (IOException | UncheckedIOException ignored) {
      // a leftover hidden staging folder is harmless; the upgrade's outcome was already said
    }
  }
}
