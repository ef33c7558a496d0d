package org.sstc.exchange.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sstc.exchange.cli.CliRun.sstc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sstc serve}'s store flags, {@code sstc tokens} and {@code sstc hub export/import}. */
class TokensAndHubCommandsTest {
  private final InputStream stdin = System.in;

  @TempDir
  Path dir;

  private final java.util.function.Function<String, String> systemEnvironment = ServeCommand.environment;

  @AfterEach
  void restoreStdin() {
    System.setIn(stdin);
    ServeCommand.environment = systemEnvironment;
  }

  @Test
  void everyFlagOfTokensAndHubAlsoComesFromTheEnvironment() throws Exception {
    String data = dir.resolve("hub").toString();
    Path file = dir.resolve("from-env.ndjson");
    ServeCommand.environment = java.util.Map.of("SSTC_DATA", data, "SSTC_ORG", "XM-DAC-41301",
        "SSTC_OUT", file.toString())::get;
    stdin("");
    CliRun added = sstc("tokens", "add");
    assertEquals(Sstc.OK, added.status, added::toString);
    CliRun list = sstc("tokens", "list");
    assertEquals(Sstc.OK, list.status, list::toString);
    assertTrue(list.out.contains("XM-DAC-41301"), list::toString);
    CliRun export = sstc("hub", "export");
    assertEquals(Sstc.OK, export.status, export::toString);
    assertTrue(Files.isRegularFile(file), export::toString);
    CliRun flag = sstc("tokens", "list", "--data", dir.resolve("nowhere").toString());
    assertEquals(Sstc.USAGE_OR_IO, flag.status, "the flag wins over SSTC_DATA: " + flag);
  }

  @Test
  void aGeneratedTokenIsReportedByItsOwnIdNotTheLastListed() {
    String data = dir.resolve("hub").toString();
    // Tokens made within one millisecond list in id order: the last listed is often another one.
    for (int i = 0; i < 5; i++) {
      stdin("a-token-added-before-" + i + "-0123456789");
      assertEquals(Sstc.OK, sstc("tokens", "add", "--org", "XM-DAC-41301", "--data", data).status);
    }
    stdin("");
    CliRun generated = sstc("tokens", "add", "--org", "XM-DAC-41114", "--data", data);
    assertEquals(Sstc.OK, generated.status, generated::toString);
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("added token (tok_[0-9a-f]+) for XM-DAC-41114")
        .matcher(generated.err);
    assertTrue(id.find(), generated::toString);
    CliRun list = sstc("tokens", "list", "--data", data);
    assertTrue(list.outLines().stream().anyMatch(line -> line.startsWith(id.group(1) + "  XM-DAC-41114")), list::toString);
  }

  @Test
  void anUnreachableDatabaseIsNamedWithWhatToCheckAndNoUsageHint() {
    String url = "postgresql://127.0.0.1:1/sstc?password=not-to-be-shown";
    for (String[] args : new String[][] {
        {"tokens", "list", "--database", url},
        {"serve", "--database", url, "--port", "0"}}) {
      CliRun run = sstc(args);
      assertEquals(Sstc.USAGE_OR_IO, run.status, run::toString);
      assertTrue(run.err.startsWith("sstc: the hub's store at postgresql://127.0.0.1:1/sstc?password=*** "), run::toString);
      assertTrue(run.err.contains("failed opening it"), run::toString);
      assertTrue(run.err.contains("Check that PostgreSQL runs at that address"), run::toString);
      assertTrue(run.err.contains("SSTC_DATABASE_USER"), run::toString);
      assertFalse(run.err.contains("--help") || run.err.contains("not-to-be-shown") || run.err.contains("Exception"),
          run::toString);
    }
  }

  private static void stdin(String text) {
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void serveSaysWhereTheDataMustBeAndKeepsTokensOffTheCommandLineOfAPersistentHub() {
    CliRun none = sstc("serve", "--port", "0");
    assertEquals(Sstc.USAGE_OR_IO, none.status, none::toString);
    assertTrue(none.err.contains("--data DIR") && none.err.contains("--memory"), none::toString);

    CliRun token = sstc("serve", "--data", dir.resolve("hub").toString(), "--token", "XM-DAC-41301=secret-on-the-command-line");
    assertEquals(Sstc.USAGE_OR_IO, token.status, token::toString);
    assertTrue(token.err.contains("is for --memory only"), token::toString);
    assertTrue(token.err.contains("sstc tokens add"), token::toString);
  }

  @Test
  void aPasswordPutInTheDatabaseUrlIsRefusedWithoutBeingRepeated() {
    CliRun inUrl = sstc("tokens", "list", "--database", "postgresql://sstc:pw-in-the-url-0123@127.0.0.1:1/sstc");
    assertEquals(Sstc.USAGE_OR_IO, inUrl.status, inUrl::toString);
    assertTrue(inUrl.err.contains("credentials go separately"), inUrl::toString);
    assertFalse(inUrl.err.contains("pw-in-the-url-0123"), inUrl::toString);
  }

  @Test
  void aMistypedDataFolderIsRefusedAndNotMadeIntoAnEmptyHub(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path typo = dir.resolve("hub-dta");
    for (String[] args : new String[][] {
        {"hub", "export", "--data", typo.toString(), "--out", dir.resolve("export.ndjson").toString()},
        {"tokens", "list", "--data", typo.toString()},
        {"tokens", "revoke", "--data", typo.toString(), "tok_0123456789ab"}}) {
      CliRun run = sstc(args);
      assertEquals(Sstc.USAGE_OR_IO, run.status, run::toString);
      assertTrue(run.err.contains("holds no hub"), run::toString);
    }
    assertFalse(java.nio.file.Files.exists(typo), "no hub was made in the mistyped folder");
    assertFalse(java.nio.file.Files.exists(dir.resolve("export.ndjson")));
  }

  @Test
  void tokensHelpShowsItsExamplesWithoutAFormattingWarning() {
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
    CliRun help;
    System.setErr(new java.io.PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
    try {
      help = sstc("tokens", "--help");
    } finally {
      System.setErr(stderr);
    }
    assertEquals(Sstc.OK, help.status, help::toString);
    assertTrue(help.out.contains("printf '%s' \"$FAO_TOKEN\" | sstc tokens add"), help::toString);
    assertFalse(picocliWarnings.toString(StandardCharsets.UTF_8).contains("Could not format"),
        () -> picocliWarnings.toString(StandardCharsets.UTF_8));
  }

  @Test
  void tokensAreAddedFromStandardInputOrGeneratedListedWithoutThemAndRevoked() {
    String data = dir.resolve("hub").toString();
    stdin("a-token-from-a-pipe-0123456789\n");
    CliRun piped = sstc("tokens", "add", "--org", "XM-DAC-41301", "--data", data);
    assertEquals(Sstc.OK, piped.status, piped::toString);
    assertTrue(piped.out.startsWith("added token tok_"), piped::toString);

    stdin("");
    CliRun generated = sstc("tokens", "add", "--org", "XM-DAC-41114", "--data", data);
    assertEquals(Sstc.OK, generated.status, generated::toString);
    String token = generated.out.strip();
    assertTrue(token.startsWith("sstc_") && token.length() > 40, generated::toString);
    assertTrue(generated.err.contains("printed this once"), generated::toString);

    CliRun list = sstc("tokens", "list", "--data", data);
    assertEquals(Sstc.OK, list.status, list::toString);
    assertEquals(2, list.outLines().size(), list::toString);
    assertFalse(list.out.contains(token) || list.out.contains("a-token-from-a-pipe"), list::toString);
    String id = list.outLines().get(0).split("  ")[0];
    assertTrue(list.outLines().get(0).contains("XM-DAC-41301"), list::toString);

    assertEquals(Sstc.OK, sstc("tokens", "revoke", id, "--data", data).status);
    assertEquals(1, sstc("tokens", "list", "--data", data).outLines().size());
    CliRun unknown = sstc("tokens", "revoke", id, "--data", data);
    assertEquals(Sstc.USAGE_OR_IO, unknown.status, unknown::toString);
    assertTrue(unknown.err.contains("there is no token " + id), unknown::toString);

    stdin("short");
    CliRun tooShort = sstc("tokens", "add", "--org", "XM-DAC-41301", "--data", data);
    assertEquals(Sstc.USAGE_OR_IO, tooShort.status, tooShort::toString);
    assertTrue(tooShort.err.contains("at least 16 characters"), tooShort::toString);
  }

  @Test
  void aHubIsExportedAndImportedWithItsIdentityAndTokens() throws Exception {
    String from = dir.resolve("from").toString();
    stdin("");
    assertEquals(Sstc.OK, sstc("tokens", "add", "--org", "XM-DAC-41301", "--data", from).status);
    Path file = dir.resolve("hub.ndjson");
    CliRun export = sstc("hub", "export", "--data", from, "--out", file.toString());
    assertEquals(Sstc.OK, export.status, export::toString);
    assertTrue(Files.readString(file).startsWith("{\"kind\":\"sstc-hub-export\""));

    String to = dir.resolve("to").toString();
    CliRun imported = sstc("hub", "import", "--data", to, "--in", file.toString());
    assertEquals(Sstc.OK, imported.status, imported::toString);
    String hubId = export.out.split(" ")[2];
    assertTrue(imported.out.contains("imported hub " + hubId), imported::toString);
    assertEquals(1, sstc("tokens", "list", "--data", to).outLines().size());

    CliRun again = sstc("hub", "import", "--data", to, "--in", file.toString());
    assertEquals(Sstc.USAGE_OR_IO, again.status, again::toString);
    assertTrue(again.err.contains("is not empty"), again::toString);
  }
}
