package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run that names its command builds only that subcommand (start-up, issue 14): what it prints
 * must be what the full command line prints.
 */
class LazyCommandLineTest {
  private static final List<String> COMMANDS = List.copyOf(Sstc.newCommandLine().getSubcommands().keySet());

  @Test
  void everyCommandsHelpIsTheSameWithOnlyThatCommandBuilt() {
    for (String command : COMMANDS) {
      CliRun full = CliRun.run(Sstc.newCommandLine(), command, "--help");
      CliRun one = CliRun.run(Sstc.newCommandLine(command), command, "--help");
      assertEquals(full.out, one.out, command + " --help");
      assertEquals(full.status, one.status, command + " --help");
    }
  }

  @Test
  void aUsageErrorIsTheSameWithOnlyThatCommandBuilt() {
    for (String command : List.of("validate", "report", "flatten", "upgrade")) {
      CliRun full = CliRun.run(Sstc.newCommandLine(), command, "--no-such-option");
      CliRun one = CliRun.run(Sstc.newCommandLine(command), command, "--no-such-option");
      assertEquals(full.err, one.err, command + " --no-such-option");
      assertEquals(Sstc.USAGE_OR_IO, one.status);
    }
  }

  @Test
  void theVersionIsTheSameWithNoCommandBuilt() {
    for (String flag : List.of("--version", "-V")) {
      CommandLine none = Sstc.newCommandLine(flag);
      assertEquals(List.of(), List.copyOf(none.getSubcommands().keySet()), flag);
      CliRun full = CliRun.run(Sstc.newCommandLine(), flag);
      CliRun lean = CliRun.run(none, flag);
      assertEquals(full.out, lean.out, flag);
      assertEquals(0, lean.status, flag);
    }
  }

  @Test
  void theFullCommandLineListsEveryCommandInTheUsageOrder() {
    assertEquals(
        List.of("demo", "validate", "report", "serve", "tokens", "hub", "publish", "pull",
            "import-iati", "export-iati", "flatten", "unflatten", "upgrade", "help",
            "generate-completion"),
        COMMANDS);
    // help and an unknown command need every command: they get the full command line.
    CommandLine forHelp = Sstc.newCommandLine("help");
    assertEquals(COMMANDS, List.copyOf(forHelp.getSubcommands().keySet()));
    assertEquals(COMMANDS, List.copyOf(Sstc.newCommandLine("valdate").getSubcommands().keySet()));
    assertEquals(List.of("validate"), List.copyOf(Sstc.newCommandLine("validate").getSubcommands().keySet()));
  }
}
