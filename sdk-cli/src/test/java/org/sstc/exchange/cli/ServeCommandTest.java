package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.hub.SstcHub;
import picocli.CommandLine;

/** sstc serve's network options, and every option also from the environment. */
class ServeCommandTest {
  private final Function<String, String> systemEnvironment = ServeCommand.environment;

  @AfterEach
  void restore() {
    ServeCommand.environment = systemEnvironment;
  }

  private static ServeCommand parse(Map<String, String> env, String... args) {
    ServeCommand.environment = env::get;
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void optionsComeFromTheEnvironmentWhenNotGiven() {
    ServeCommand command = parse(Map.of("SSTC_PORT", "0", "SSTC_BIND", "0.0.0.0",
        "SSTC_TRUSTED_PROXY", "10.0.0.1,192.168.0.0/16", "SSTC_IDLE_TIMEOUT", "45", "SSTC_ACCESS_LOG", "false",
        "SSTC_TOKENS", "XM-DAC-41301=fao-token,XM-DAC-41114=undp-token",
        "SSTC_TOKEN", "a-publish-token"));
    command.tokensFromEnvironment();
    assertEquals(0, command.port);
    assertEquals("0.0.0.0", command.bind);
    assertEquals(List.of("10.0.0.1", "192.168.0.0/16"), command.trustedProxies);
    assertEquals(45, command.idleTimeout);
    assertFalse(command.accessLog);
    assertEquals(Map.of("XM-DAC-41301", "fao-token", "XM-DAC-41114", "undp-token"), command.tokens);
  }

  @Test
  void theCommandLineWinsOverTheEnvironment() {
    ServeCommand command = parse(Map.of("SSTC_PORT", "9000", "SSTC_BIND", "0.0.0.0", "SSTC_TOKENS", "A=from-env"),
        "--port", "0", "--bind", "127.0.0.1", "--trusted-proxy", "127.0.0.1", "--token", "XM-DAC-41301=t");
    command.tokensFromEnvironment();
    assertEquals(0, command.port);
    assertEquals("127.0.0.1", command.bind);
    assertEquals(List.of("127.0.0.1"), command.trustedProxies);
    assertEquals(Map.of("XM-DAC-41301", "t"), command.tokens);
  }

  @Test
  void withoutEitherTheDefaultsHold() {
    ServeCommand command = parse(Map.of());
    assertEquals(8080, command.port);
    assertEquals("127.0.0.1", command.bind);
    assertEquals(10, command.headerTimeout);
    assertTrue(command.accessLog);
  }

  @Test
  void theOptionsBuildTheHub() {
    ServeCommand.environment = Map.<String, String>of()::get;
    CommandLine commandLine = new CommandLine(new ServeCommand());
    commandLine.parseArgs("--port", "0", "--bind", "0.0.0.0", "--trusted-proxy", "127.0.0.1", "--no-access-log");
    ServeCommand command = commandLine.getCommand();
    try (SstcHub hub = command.hubBuilder().build().start()) {
      assertTrue(hub.baseUrl().toString().startsWith("http://127.0.0.1:"), hub.baseUrl().toString());
    }
  }

  @Test
  void aBadProxyIsAUsageError() {
    ServeCommand.environment = Map.<String, String>of()::get;
    CliRun run = CliRun.sstc("serve", "--memory", "--port", "0", "--trusted-proxy", "proxy.internal");
    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains("IP address"), run.toString());
  }

  @Test
  void helpNamesTheEnvironmentVariables() {
    CliRun run = CliRun.sstc("serve", "--help");
    for (String text : new String[] {"--bind=ADDR", "--trusted-proxy=ADDR", "SSTC_BIND", "SSTC_PORT", "SSTC_TOKENS",
        "SSTC_TRUSTED_PROXY", "--[no-]access-log"}) {
      assertTrue(run.out.contains(text), text + " in\n" + run.out);
    }
  }
}
