package org.sstc.exchange.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.sstc.exchange.cli.internal.PathArgument;
import org.sstc.exchange.cli.internal.Folders;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.CursorStore;
import org.sstc.exchange.client.ForbiddenException;
import org.sstc.exchange.client.InitiativeQuery;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.client.SstcException;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.Modality;
import org.sstc.exchange.core.Organisation;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.Participation;
import org.sstc.exchange.core.ParticipationRole;
import org.sstc.exchange.core.RecipientCountry;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.core.SstcRecord;
import org.sstc.exchange.hub.SstcHub;
import org.sstc.exchange.report.HtmlReport;
import org.sstc.exchange.report.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sstc demo}: the whole exchange in a few seconds, on a hub in this process. Organisations
 * publish the sample package with their own tokens, one is refused when it writes another's record,
 * a reader searches, a mirror follows the change feed into a folder, and the folder becomes an
 * HTML report.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = Sstc.Version.class,
    sortOptions = false,
    description = {
      "Runs the whole exchange on an in-memory hub on 127.0.0.1, step by step: organisations publish the "
          + "sample package with their own tokens, a write to another organisation's record is refused (403), "
          + "a search finds triangular initiatives for SDG 2 in Africa, the change feed is pulled into a folder, "
          + "and that folder becomes an HTML report.",
      "Nothing leaves this machine; the hub stops when the demo ends."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:every step worked", "2:usage error, or DIR cannot be written", "3:a step did not do what it should (a bug)"},
    footerHeading = "%nExamples:%n",
    footer = {"  sstc demo", "  sstc demo --out /tmp/demo --port 8080"})
final class DemoCommand implements Callable<Integer> {
  /** Marks a folder as the demo's own, so that running the demo again may replace it. */
  static final String MARKER = ".sstc-demo";

  /**
   * ISO 3166-1 alpha-2 codes of the countries and areas of the UN M49 region Africa (002), from
   * the UNSD "Standard country or area codes" table as published by datasets/country-codes
   * ({@code data/UNSD-en.csv}, commit caa72d1e, ODC-PDDL).
   */
  static final Set<String> AFRICA = Set.of(
      "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "EH", "ER", "ET",
      "GA", "GH", "GM", "GN", "GQ", "GW", "IO", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU",
      "MW", "MZ", "NA", "NE", "NG", "RE", "RW", "SC", "SD", "SH", "SL", "SN", "SO", "SS", "ST", "SZ", "TD",
      "TF", "TG", "TN", "TZ", "UG", "YT", "ZA", "ZM", "ZW");

  /** The organisation the demo follows closely: FAO. */
  static final String FAO = "XM-DAC-41301";

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "sstc-demo",
      description = "Where the pulled records and the report go; default ./${DEFAULT-VALUE}. "
          + "Created; a folder from an earlier demo is replaced, any other non-empty folder is refused. "
          + "A folder: - cannot stand for it.")
  Path out;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      defaultValue = "0",
      description = "The hub's port on 127.0.0.1; default 0, any free port.")
  int port;

  // The command line's writer, set when call() starts.
  private PrintWriter stdout = new PrintWriter(Writer.nullWriter());
  private int step;

  @Override
  public Integer call() throws IOException {
    stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
    }
    PathArgument.refuseDashForFolder(spec, "--out", out);
    try {
      prepare(out);
    } catch (IOException e) {
      err.println("sstc: cannot use " + out + ": " + Inputs.reason(e));
      return Sstc.USAGE_OR_IO;
    }
    RecordPackage sample = sample();
    // The sample's initiatives, grouped by the organisation that reports them (sorted: FAO first,
    // then the package's publisher, then the others by org-id).
    Map<String, List<Initiative>> byOrg = new LinkedHashMap<>();
    sample.initiatives().stream()
        .sorted(Comparator.comparing((Initiative i) -> !i.reportingOrg().id().equals(FAO))
            .thenComparing(i -> !i.reportingOrg().id().equals(sample.publisher().id()))
            .thenComparing(i -> i.reportingOrg().id()))
        .forEach(i -> byOrg.computeIfAbsent(i.reportingOrg().id(), k -> new ArrayList<>()).add(i));
    String publisher = sample.publisher().id();
    byOrg.putIfAbsent(publisher, new ArrayList<>());
    Map<String, String> tokens = new LinkedHashMap<>();
    SecureRandom random = new SecureRandom();
    // An organisation record is written only with its organisation's token: every organisation of
    // the sample gets one, also those that report no initiative.
    Set<String> writers = new java.util.LinkedHashSet<>(byOrg.keySet());
    sample.organisations().forEach(organisation -> writers.add(organisation.id()));
    for (String org : writers) {
      byte[] secret = new byte[18];
      random.nextBytes(secret);
      tokens.put(org, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    stdout.println("SSTC Exchange demo: a hub, " + byOrg.size() + " publishers, a search, a mirror and a report.");
    stdout.println("Everything runs on this machine and stops at the end.");
    SstcHub.Builder hubBuilder = SstcHub.builder().port(port);
    tokens.forEach(hubBuilder::token);
    SstcHub started;
    try {
      started = hubBuilder.build().start();
    } catch (RuntimeException e) {
      err.println("sstc: cannot start the hub on port " + port + ": " + ServeCommand.rootMessage(e)
          + " (is another program using it? leave --port out to use any free port)");
      return Sstc.USAGE_OR_IO;
    }
    try (SstcHub hub = started) {
      say("Start a hub",
          "An in-memory hub listens on " + hub.baseUrl() + " (the same one 'sstc serve' runs).",
          "Each of the " + tokens.size() + " organisations that report in the sample has its own bearer token;",
          "a token writes only its own organisation's records. Reads need no token.");

      // Publish: FAO, then the publisher, then the rest; then each organisation its own record.
      int published = 0;
      for (Map.Entry<String, List<Initiative>> group : byOrg.entrySet()) {
        String org = group.getKey();
        List<SstcRecord> records = new ArrayList<>(group.getValue());
        BulkReport report;
        try (SstcClient client = client(hub, tokens.get(org))) {
          report = client.publish(records.stream());
        }
        if (report.rejected() > 0 || report.created() != records.size()) {
          stdout.println("   unexpected: " + report);
          return Sstc.INTERNAL;
        }
        published++;
        if (org.equals(FAO) || org.equals(publisher)) {
          String name = shortName(sample, org);
          say("Publish as " + name + " (" + org + ")",
              "With its own token, " + name + " sends " + describe(group.getValue().size(), records.size() - group.getValue().size())
                  + " in one bulk upload",
              "(gzip NDJSON, POST /packages); the hub validates each record and answers "
                  + report.created() + " created, " + report.rejected() + " rejected.");
        }
      }
      for (Organisation organisation : sample.organisations()) {
        BulkReport report;
        try (SstcClient client = client(hub, tokens.get(organisation.id()))) {
          report = client.publish(java.util.stream.Stream.of(organisation));
        }
        if (report.rejected() > 0 || report.created() != 1) {
          stdout.println("   unexpected: " + report);
          return Sstc.INTERNAL;
        }
      }
      int others = published - (byOrg.containsKey(FAO) ? 1 : 0) - (publisher.equals(FAO) ? 0 : 1);
      say("Publish as the others",
          others + " more organisations publish their own initiatives the same way, and each organisation its own"
              + " organisation record: the hub now holds "
              + hub.recordCount() + " records (" + sample.initiatives().size() + " initiatives, "
              + sample.organisations().size() + " organisations).");

      // A refused write: FAO tries to change an initiative another organisation reports.
      Initiative theirs = sample.initiatives().stream()
          .filter(i -> !i.reportingOrg().id().equals(FAO)).findFirst().orElseThrow();
      try (SstcClient fao = client(hub, tokens.get(FAO))) {
        fao.initiatives().update(theirs.id(), i -> i.toBuilder().status(ActivityStatus.FINALISATION).build());
        stdout.println("   unexpected: the hub let FAO change " + theirs.id());
        return Sstc.INTERNAL;
      } catch (ForbiddenException refused) {
        long version;
        try (SstcClient reader = client(hub, null)) {
          version = reader.initiatives().get(theirs.id()).version();
        }
        say("Try to change someone else's record",
            "FAO's token tries to update " + theirs.id() + ", which " + shortName(sample, theirs.reportingOrg().id())
                + " (" + theirs.reportingOrg().id() + ") reports:",
            "REFUSED: HTTP " + refused.status() + " " + refused.problem().map(p -> p.title()).orElse("Forbidden") + ": "
                + refused.problem().flatMap(p -> p.detail()).orElse(refused.getMessage()),
            "Nothing changed: the record is still version " + version + ".");
        if (version != 1) {
          return Sstc.INTERNAL;
        }
      }

      // A reader searches.
      List<Initiative> found = new ArrayList<>();
      InitiativeQuery query = InitiativeQuery.builder().modality(Modality.TRIANGULAR).sdgGoal(2).build();
      try (SstcClient reader = client(hub, null)) {
        for (Initiative initiative : reader.initiatives().search(query)) {
          if (recipients(initiative).stream().anyMatch(AFRICA::contains)) {
            found.add(initiative);
          }
        }
      }
      List<String> lines = new ArrayList<>();
      lines.add("A reader without a token asks the hub for triangular initiatives linked to SDG 2 (Zero hunger),");
      lines.add("GET /initiatives?modality=triangular&sdgGoal=2, and keeps those with a recipient in Africa: " + found.size() + " found.");
      for (Initiative initiative : found) {
        lines.add("  " + initiative.id() + "  " + String.join("+", recipients(initiative)) + "  " + initiative.title().text());
      }
      say("Search", lines.toArray(String[]::new));

      // A mirror follows the change feed.
      Path mirror = out.resolve("mirror");
      PullCommand.createFolders(mirror);
      SstcJson json = SstcJson.standard();
      long[] events = {0};
      CursorStore cursor = CursorStore.inFile(mirror.resolve(PullCommand.CURSOR_FILE));
      try (SstcClient reader = client(hub, null)) {
        reader.changes().follow(cursor, change -> {
          PullCommand.apply(json, mirror, change);
          events[0]++;
        });
      }
      long files;
      try (Stream<Path> walk = Files.walk(mirror)) {
        files = walk.filter(p -> p.toString().endsWith(".json")).count();
      }
      say("Follow the change feed",
          "Like 'sstc pull', a mirror reads GET /changes from the start and writes each record as a file:",
          events[0] + " events, " + files + " files in " + mirror + ", cursor " + cursor.load().orElse("(start)")
              + " saved in " + mirror.resolve(PullCommand.CURSOR_FILE) + ".",
          "Run again, it would fetch only what changed since.");

      // The report.
      Path reportFile = out.resolve("report.html");
      HtmlReport report = HtmlReport.builder()
          .title("SSTC Exchange demo: the sample package, as mirrored from the hub")
          .add(mirror)
          .build();
      report.writeTo(reportFile);
      say("Write the report",
          "Like 'sstc report', the mirror becomes one self-contained HTML page: " + report.initiativeCount()
              + " initiatives, " + report.errorCount() + " errors, " + report.warningCount() + " warnings.");
    } catch (SstcException e) {
      err.println("sstc: the demo stopped: " + e.getMessage());
      return Sstc.INTERNAL;
    } catch (UncheckedIOException e) {
      err.println("sstc: cannot write to " + out + ": " + Inputs.reason(e.getCause()));
      return Sstc.USAGE_OR_IO;
    }
    Path reportFile = out.resolve("report.html").toAbsolutePath().normalize();
    stdout.println();
    stdout.println("The hub has stopped. Open the report: " + reportFile.toUri());
    stdout.println("Next: 'sstc serve --data DIR' runs a hub that keeps its data; 'sstc validate', 'sstc publish',");
    stdout.println("'sstc pull' and 'sstc report' do each step with your own files ('sstc help COMMAND').");
    stdout.flush();
    return Sstc.OK;
  }

  private void say(String title, String... lines) {
    step++;
    stdout.println();
    stdout.println(step + ". " + title);
    for (String line : lines) {
      stdout.println("   " + line);
    }
    stdout.flush();
  }

  private static String describe(int initiatives, int organisations) {
    String text = initiatives + (initiatives == 1 ? " initiative" : " initiatives");
    return organisations == 0 ? text : text + " and the package's " + organisations + " organisation records";
  }

  /** The organisation's acronym in the sample ("FAO"), else the name it reports under. */
  private static String shortName(RecordPackage sample, String org) {
    for (Organisation organisation : sample.organisations()) {
      if (organisation.id().equals(org) && organisation.acronym() != null && !organisation.acronym().isBlank()) {
        return organisation.acronym();
      }
    }
    return sample.initiatives().stream().filter(i -> i.reportingOrg().id().equals(org))
        .map(i -> i.reportingOrg().name()).findFirst().orElse(org);
  }

  private static List<String> recipients(Initiative initiative) {
    List<String> codes = new ArrayList<>();
    for (RecipientCountry country : initiative.recipientCountries()) {
      if (!codes.contains(country.code())) {
        codes.add(country.code());
      }
    }
    for (Participation p : initiative.participants()) {
      if (p.role() == ParticipationRole.RECIPIENT && p.country() != null && !codes.contains(p.country())) {
        codes.add(p.country());
      }
    }
    return codes;
  }

  private static SstcClient client(SstcHub hub, @Nullable String token) {
    SstcClient.Builder builder = SstcClient.builder().baseUrl(hub.baseUrl());
    if (token != null) {
      builder.token(token);
    }
    return builder.build();
  }

  /** The sample package that sdk-examples owns; the build copies it into this jar. */
  static RecordPackage sample() {
    try (InputStream in = DemoCommand.class.getResourceAsStream("demo/sample-package.json")) {
      if (in == null) {
        throw new IllegalStateException("the sample package is not in the jar (build sdk-cli with Maven)");
      }
      return SstcJson.standard().read(in.readAllBytes(), RecordPackage.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates {@code dir}, or empties it when an earlier demo made it; refuses any other non-empty folder. */
  private void prepare(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean empty;
      try (Stream<Path> list = Files.list(dir)) {
        empty = list.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new ParameterException(spec.commandLine(), dir + " exists and holds files the demo did not make; "
            + "give another folder with --out DIR");
      }
      Path mirror = dir.resolve("mirror");
      if (Files.isDirectory(mirror)) {
        Folders.deleteTree(mirror);
      }
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "made by 'sstc demo'; the next demo may replace this folder\n");
  }
}
