package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.WarmUp;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.report.Inputs;
import org.sstc.exchange.report.HtmlReport;
import org.sstc.exchange.report.ToolVersion;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * The {@code sstc} command line: {@code sstc demo}, {@code sstc validate [--format text|json|sarif|junit] PATH...},
 * {@code sstc report PATH... --out FILE}, {@code sstc serve}, {@code sstc tokens}, {@code sstc hub},
 * {@code sstc publish --hub URL PATH...},
 * {@code sstc pull --hub URL --out DIR}, {@code sstc import-iati FILE.xml --out PACKAGE.json},
 * {@code sstc export-iati PACKAGE.json --out FILE.xml}, {@code sstc flatten PACKAGE.json --out DIR} and
 * {@code sstc unflatten DIR --out PACKAGE.json}. The commands are package-private: this class's
 * {@link #main} is the entry point, and {@link HtmlReport} the only other public type.
 *
 * <p>Exit status: {@value #OK} when every file is valid (warnings allowed), {@value #INVALID} when
 * some file is invalid, {@value #USAGE_OR_IO} on a usage error, a file that cannot be read or a hub
 * store that cannot be opened or used, and
 * {@value #INTERNAL} on an internal error (a bug).
 *
 * @since 1.0
 */
@Command(
    name = "sstc",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = "Tools for SSTC Exchange files: South-South and triangular cooperation records.",
    // The subcommands are added in newCommandLine (COMMANDS), so that a run builds only its own.
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every file is valid (warnings allowed)",
      "1:some file is invalid",
      "2:usage error, a file cannot be read, or the hub's store cannot be opened or used",
      "3:internal error"
    },
    footerHeading = "%n",
    footer = "Run 'sstc help COMMAND' for a command's options. Bash/zsh completion: "
        + "source <(sstc generate-completion)")
public final class Sstc implements Runnable {
  /** Every file is valid; there may be warnings. */
  public static final int OK = 0;
  /** Some file is invalid. */
  public static final int INVALID = 1;
  /** A usage error (unknown option, no PATH, bad value) or a file that cannot be read. */
  public static final int USAGE_OR_IO = 2;
  /** Something failed that should not: a bug. */
  public static final int INTERNAL = 3;

  /** The exit status lines of the commands that work on a hub's store (serve, tokens, hub). */
  static final String EXIT_DONE = "0:done";
  static final String EXIT_USAGE_OR_STORE = "2:usage error, a file cannot be read, or the hub's store cannot be"
      + " opened or used (the message names the store and what to check)";
  static final String EXIT_INTERNAL = "3:internal error";

  /**
   * Every subcommand, by name, in the order the usage lists them. Picocli builds the model of a
   * command from its annotations when it is added, about a third of a one-file {@code sstc
   * validate} (issue 14): a run that names its command adds only that one.
   */
  private static final List<Map.Entry<String, Class<?>>> COMMANDS = List.of(
      Map.entry("demo", DemoCommand.class),
      Map.entry("validate", ValidateCommand.class),
      Map.entry("report", ReportCommand.class),
      Map.entry("serve", ServeCommand.class),
      Map.entry("tokens", TokensCommand.class),
      Map.entry("hub", HubCommand.class),
      Map.entry("publish", PublishCommand.class),
      Map.entry("pull", PullCommand.class),
      Map.entry("import-iati", ImportIatiCommand.class),
      Map.entry("export-iati", ExportIatiCommand.class),
      Map.entry("flatten", FlattenCommand.class),
      Map.entry("unflatten", UnflattenCommand.class),
      Map.entry("upgrade", UpgradeCommand.class),
      // These two read the others' models: only in the full command line.
      Map.entry("help", HelpCommand.class),
      Map.entry("generate-completion", AutoComplete.GenerateCompletion.class));

  @Spec CommandSpec spec;

  /**
   * Runs the command line and exits with its status (see {@link #run}).
   *
   * @param args the command line, e.g. {@code validate data/}
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command as {@code main} does, without exiting.
   *
   * @param args the command line, e.g. {@code validate data/}
   * @return the exit status: {@value #OK}, {@value #INVALID}, {@value #USAGE_OR_IO} or {@value #INTERNAL}
   */
  public static int run(String... args) {
    WarmUp.start(args);
    // `sstc --version validate` is read with every subcommand, as picocli reads it.
    CommandLine commandLine = newCommandLine(args.length == 0 || (args.length > 1 && args[0].startsWith("-")) ? null : args[0]);
    if (System.console() == null) {
      // Not a terminal: a pipe or a file, so UTF-8 (JSON's encoding), buffered, flushed per file.
      commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false));
    }
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // An Error passes picocli's handlers: without this, Java would exit 1 ("some file is invalid").
      commandLine.getErr().println("sstc: internal error: Java ran out of memory (heap "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); give it more (java -Xmx4g -jar sstc.jar ...) "
          + "or smaller input");
      return INTERNAL;
    } catch (StackOverflowError e) {
      commandLine.getErr().println("sstc: internal error: the input nests too deeply for this Java's stack "
          + "(a bug: report it, with SSTC_DEBUG=1 for details)");
      return INTERNAL;
    } finally {
      commandLine.getOut().flush();
      commandLine.getErr().flush();
    }
  }

  /**
   * The configured command line: usage errors exit {@value #USAGE_OR_IO} with a short message and
   * the usage on stderr; an unexpected exception prints one line (no stack trace) and exits
   * {@value #INTERNAL}.
   *
   * @return a new picocli command line with every subcommand
   */
  static CommandLine newCommandLine() {
    return newCommandLine(null);
  }

  /**
   * The command line for a run whose first argument is {@code first}: only that subcommand when it
   * names one that does not need the others ({@code help} and {@code generate-completion} do), none
   * for {@code --version}, else every subcommand. Usage, messages and exit status are the same
   * either way.
   */
  static CommandLine newCommandLine(@Nullable String first) {
    boolean version = "--version".equals(first) || "-V".equals(first);
    boolean one = first != null && !first.equals("help") && !first.equals("generate-completion")
        && COMMANDS.stream().anyMatch(command -> command.getKey().equals(first));
    CommandLine commandLine = new CommandLine(new Sstc());
    for (Map.Entry<String, Class<?>> command : COMMANDS) {
      if (!version && (!one || command.getKey().equals(first))) {
        commandLine.addSubcommand(command.getKey(), command.getValue());
      }
    }
    commandLine.setExitCodeExceptionMapper(Sstc::exitStatus);
    commandLine.setParameterExceptionHandler(Sstc::usageError);
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          PrintWriter err = failed.getErr();
          if (exception instanceof StoreFailure) {
            err.println("sstc: " + exception.getMessage());
            err.flush();
            return USAGE_OR_IO;
          }
          if (exception instanceof IOException || exception instanceof UncheckedIOException) {
            // A file or the network failed, not this program: say what, without Java's class names.
            IOException io = exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) exception;
            String file = io instanceof java.nio.file.FileSystemException fs && fs.getFile() != null ? fs.getFile() : "a file";
            err.println("sstc: cannot read or write " + file + ": " + Inputs.reason(io));
          } else {
            err.println("sstc: internal error: " + exception);
          }
          if (System.getenv("SSTC_DEBUG") != null) {
            exception.printStackTrace(err);
          }
          err.flush();
          return exitStatus(exception);
        });
    return commandLine;
  }

  static int exitStatus(Throwable failure) {
    if (failure instanceof ParameterException
        || failure instanceof StoreFailure
        || failure instanceof IOException
        || failure instanceof UncheckedIOException) {
      return USAGE_OR_IO;
    }
    return INTERNAL;
  }

  /**
   * A usage error: the error, any "did you mean", and one line that says where the usage is (the
   * whole usage is 60 lines that push the error off the screen). {@code sstc} alone also lists the
   * commands, since that is what a person typing it wants to see.
   */
  private static int usageError(ParameterException failure, String[] args) {
    CommandLine failed = failure.getCommandLine();
    PrintWriter err = failed.getErr();
    err.println("sstc: " + failure.getMessage());
    UnmatchedArgumentException.printSuggestions(failure, err);
    if (args.length == 0) {
      failed.usage(err, failed.getColorScheme());
    } else {
      err.println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for its usage.");
    }
    err.flush();
    return USAGE_OR_IO;
  }

  /** {@code sstc} alone: a command is missing. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is missing, e.g. 'sstc validate FILE'");
  }

  /** {@code --version}: the SDK's version and the standard's. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "sstc " + sdkVersion(),
        "SSTC Exchange standard " + Initiative.CURRENT_VERSION,
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }

  /**
   * The SDK version this command was built as, e.g. {@code 1.0.0}.
   *
   * @return the version
   */
  public static String sdkVersion() {
    return ToolVersion.read(Sstc.class.getResourceAsStream("version.properties"));
  }
}
