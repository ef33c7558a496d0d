package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.sstc.exchange.hub.HubStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sstc tokens add|list|revoke (--data DIR | --database URL)}: the bearer tokens of a hub,
 * kept in its store as SHA-256 hashes only.
 */
@Command(
    name = "tokens",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    defaultValueProvider = ServeCommand.Environment.class,
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
    description = "Manages who may write to a hub: its bearer tokens, stored only as hashes in the hub's store.",
    subcommands = {TokensCommand.Add.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  sstc tokens add --org XM-DAC-41301 --data hub-data          (generates a token, prints it once)",
      "  printf '%%s' \"$FAO_TOKEN\" | sstc tokens add --org XM-DAC-41301 --data hub-data",
      "  sstc tokens list --data hub-data",
      "  sstc tokens revoke tok_0123456789ab --data hub-data"
    })
final class TokensCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "give a subcommand: sstc tokens add, list or revoke");
  }

  /** {@code sstc tokens add --org ORG_ID}: the token from standard input, or a new one printed once. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      versionProvider = Sstc.Version.class,
      defaultValueProvider = ServeCommand.Environment.class,
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
      description = {
        "Adds a token that writes for one organisation. Piped on standard input, the token is read from "
            + "there; otherwise a new random token is made and printed once (only its hash is kept).",
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StorageOptions storage;

    @Option(names = "--org", paramLabel = "ORG_ID", required = true,
        description = "The organisation (org-id) the token writes for, e.g. XM-DAC-41301. Env SSTC_ORG.")
    String org;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      String piped = piped();
      try (HubStorage hub = storage.open(spec)) {
        if (piped.isEmpty()) {
          HubStorage.NewToken token = hub.newToken(org);
          out.println(token.token());
          err.println("sstc: added token " + token.id() + " for " + org + "; it is printed this once (the hub keeps"
              + " only its hash): give it to " + org + " now");
        } else {
          String id;
          try {
            id = hub.addToken(org, piped);
          } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "the token on standard input: " + e.getMessage());
          }
          out.println("added token " + id + " for " + org);
        }
      } catch (RuntimeException e) {
        throw storage.failed("adding a token", e);
      }
      return Sstc.OK;
    }

    /** The token on standard input when it is not a terminal; empty otherwise. */
    private static String piped() {
      if (System.console() != null) {
        return "";
      }
      try {
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the token from standard input: " + e.getMessage(), e);
      }
    }
  }

  /** {@code sstc tokens list}: ids, organisations and times, never a token. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = Sstc.Version.class,
      defaultValueProvider = ServeCommand.Environment.class,
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
      description = "Lists the tokens: id, organisation, when added (the tokens themselves are not kept).")
  static final class ListTokens implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StorageOptions storage;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (HubStorage hub = storage.openExisting(spec)) {
        java.util.List<HubStorage.TokenInfo> tokens = hub.tokens();
        for (HubStorage.TokenInfo token : tokens) {
          out.println(token.id() + "  " + token.orgId() + "  " + token.created());
        }
        if (tokens.isEmpty()) {
          spec.commandLine().getErr().println("sstc: no tokens yet; add one with sstc tokens add --org ORG_ID");
        }
      } catch (RuntimeException e) {
        throw storage.failed("listing the tokens", e);
      }
      return Sstc.OK;
    }
  }

  /** {@code sstc tokens revoke ID}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      versionProvider = Sstc.Version.class,
      defaultValueProvider = ServeCommand.Environment.class,
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {Sstc.EXIT_DONE, Sstc.EXIT_USAGE_OR_STORE, Sstc.EXIT_INTERNAL},
      description = "Revokes a token by its id (see sstc tokens list): writes with it are refused from now on.")
  static final class Revoke implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StorageOptions storage;

    @Parameters(paramLabel = "ID", description = "The token's id, e.g. tok_0123456789ab.")
    String id;

    @Override
    public Integer call() {
      try (HubStorage hub = storage.openExisting(spec)) {
        if (!hub.revokeToken(id)) {
          throw new ParameterException(spec.commandLine(), "there is no token " + id + "; sstc tokens list shows them");
        }
      } catch (RuntimeException e) {
        throw storage.failed("revoking a token", e);
      }
      spec.commandLine().getOut().println("revoked token " + id);
      return Sstc.OK;
    }
  }
}
