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
  void theLimitsComeFromFlagsOrTheEnvironmentAndTheHubKeepsThem() throws Exception {
    ServeCommand command = parse(Map.of("SSTC_POOL_SIZE", "25", "SSTC_THREADS", "64", "SSTC_MAX_BULK_BYTES", "1000000",
        "SSTC_MAX_RECORD_BYTES", "999999", "SSTC_DATA", "hub-from-env"), "--port", "0", "--max-record-bytes", "2000");
    assertEquals(25, command.poolSize);
    assertEquals(64, command.threads);
    assertEquals(1_000_000L, command.maxBulkBytes);
    assertEquals(2000, command.maxRecordBytes, "the flag wins over SSTC_MAX_RECORD_BYTES");
    assertEquals(java.nio.file.Path.of("hub-from-env"), command.storage.data);
    try (SstcHub hub = command.hubBuilder().token("XM-DAC-41301", "limits-test-token-0123").build().start()) {
      java.net.HttpURLConnection post = (java.net.HttpURLConnection) java.net.URI.create(hub.baseUrl() + "/initiatives")
          .toURL().openConnection();
      post.setRequestMethod("POST");
      post.setDoOutput(true);
      post.setRequestProperty("Content-Type", "application/json");
      post.setRequestProperty("Authorization", "Bearer limits-test-token-0123");
      byte[] body = ("{\"title\":\"" + "x".repeat(3000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      post.setFixedLengthStreamingMode(body.length);
      try (java.io.OutputStream out = post.getOutputStream()) {
        out.write(body);
      } catch (java.io.IOException e) {
        // the hub may answer 413 and close before the whole body is sent
      }
      assertEquals(413, post.getResponseCode());
    }
  }

  @Test
  void aLimitOfZeroIsAUsageErrorThatNamesTheFlagAndItsVariable() {
    ServeCommand.environment = Map.<String, String>of()::get;
    CliRun run = CliRun.sstc("serve", "--memory", "--port", "0", "--max-bulk-bytes", "0");
    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains("--max-bulk-bytes takes a number of bytes above 0, not 0 (env SSTC_MAX_BULK_BYTES)"),
        run.toString());
  }

  @Test
  void aPoolSizeWithoutADatabaseIsAUsageErrorNotIgnored(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    ServeCommand.environment = Map.<String, String>of()::get;
    CliRun data = CliRun.sstc("serve", "--data", dir.toString(), "--port", "0", "--pool-size", "20");
    assertEquals(2, data.status, data.toString());
    assertTrue(data.err.contains("--pool-size (or SSTC_POOL_SIZE) is for --database only: a --data hub"), data.toString());
    assertTrue(!java.nio.file.Files.exists(dir.resolve("hub.db")), "no hub is started: " + data);
    ServeCommand.environment = Map.of("SSTC_POOL_SIZE", "20")::get;
    CliRun memory = CliRun.sstc("serve", "--memory", "--port", "0");
    assertEquals(2, memory.status, memory.toString());
    assertTrue(memory.err.contains("a --memory hub has no connection pool"), memory.toString());
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
        "SSTC_TRUSTED_PROXY", "--[no-]access-log", "--pool-size=N", "SSTC_POOL_SIZE", "--max-record-bytes=BYTES",
        "SSTC_MAX_BULK_BYTES", "SSTC_THREADS", "SSTC_DATA", "Exit status:"}) {
      assertTrue(run.out.contains(text), text + " in\n" + run.out);
    }
  }
}
