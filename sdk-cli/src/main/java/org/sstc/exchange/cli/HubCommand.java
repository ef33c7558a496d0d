package org.sstc.exchange.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.hub.HubStorage;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sstc hub export|import}: moves a hub's whole store (records, versions, history,
 * tombstones, feed order, token hashes and the hub's identity) between stores, e.g. from the
 * embedded one to PostgreSQL.
 */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    defaultValueProvider = ServeCommand.Environment.class,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
    description = "Moves a hub's data between stores (stop the hub first): everything, its identity included,"
        + " so that mirrors keep following.",
    subcommands = {HubCommand.Export.class, HubCommand.Import.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  sstc hub export --data hub-data --out hub.ndjson",
      "  sstc hub export --data hub-data --out - | gzip > hub.ndjson.gz",
      "  SSTC_DATABASE_USER=sstc SSTC_DATABASE_PASSWORD=... sstc hub import --database postgresql://db:5432/sstc --in hub.ndjson"
    })
final class HubCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "give a subcommand: sstc hub export or import");
  }

  /** {@code sstc hub export --out FILE}. */
  @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Sstc.Version.class,
      defaultValueProvider = ServeCommand.Environment.class, exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
      description = "Writes the hub's whole store to FILE (NDJSON).")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StorageOptions storage;

    @Option(names = "--out", paramLabel = "FILE", required = true,
        description = "The export file (replaced); - writes it to standard output (and the summary to standard error). Env SSTC_OUT.")
    Path out;

    @Override
    public Integer call() {
      try (HubStorage hub = storage.openExisting(spec)) {
        if (PathArgument.isDash(out)) {
          try (OutputStream stdout = PathArgument.textTo(spec.commandLine().getOut())) {
            hub.exportTo(stdout);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          spec.commandLine().getErr().println("exported hub " + hub.hubId() + " to standard output");
        } else {
          try {
            hub.exportTo(out);
          } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("sstc: cannot write " + out + ": " + Inputs.reason(e.getCause()));
            return Sstc.USAGE_OR_IO;
          }
          spec.commandLine().getOut().println("exported hub " + hub.hubId() + " to " + out);
        }
      } catch (RuntimeException e) {
        throw storage.failed("exporting", e);
      }
      return Sstc.OK;
    }
  }

  /** {@code sstc hub import --in FILE}. */
  @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Sstc.Version.class,
      defaultValueProvider = ServeCommand.Environment.class, exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
      description = "Loads an export into an empty store; the store takes the exported hub's identity.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StorageOptions storage;

    @Option(names = "--in", paramLabel = "FILE", required = true,
        description = "A file written by sstc hub export; - reads it from standard input. Env SSTC_IN.")
    Path in;

    @Override
    public Integer call() {
      boolean fromStdin = PathArgument.isDash(in);
      if (!fromStdin && !Files.isRegularFile(in)) {
        throw new ParameterException(spec.commandLine(), "--in " + in + " is not a file; give the file sstc hub export wrote");
      }
      try (HubStorage hub = storage.open(spec)) {
        try (InputStream export = new BufferedInputStream(PathArgument.open(in))) {
          hub.importFrom(export);
        } catch (IllegalStateException | IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "cannot import " + in + ": " + e.getMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        spec.commandLine().getOut().println("imported hub " + hub.hubId() + " from " + (fromStdin ? "standard input" : in));
      } catch (RuntimeException e) {
        throw storage.failed("importing", e);
      }
      return Sstc.OK;
    }
  }
}
