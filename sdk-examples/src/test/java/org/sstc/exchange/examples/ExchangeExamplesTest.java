package org.sstc.exchange.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.client.BulkReport;
import org.sstc.exchange.client.SstcClient;
import org.sstc.exchange.core.ActivityStatus;
import org.sstc.exchange.core.Initiative;
import org.sstc.exchange.core.RecordPackage;
import org.sstc.exchange.core.SstcJson;
import org.sstc.exchange.testkit.SstcHubExtension;

/** PublishOwnRecords and MirrorChanges against the test kit's hub, as a user would run them. */
class ExchangeExamplesTest {
  private static final String FAO = "XM-DAC-41301";
  private static final String UNDP = "XM-DAC-41114";

  @RegisterExtension
  static final SstcHubExtension HUB = SstcHubExtension.forOrganisations(FAO, UNDP);

  @TempDir Path mirror;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  private static long reportedBy(RecordPackage pkg, String org) {
    return pkg.initiatives().stream().filter(i -> i.reportingOrg().id().equals(org)).count();
  }

  @Test
  void eachOrganisationPublishesItsOwnInitiativesAndTheMirrorFollowsEveryChange() throws IOException {
    RecordPackage sample = SamplePackage.read();

    BulkReport fao = PublishOwnRecords.publish(HUB.client(FAO), sample, FAO, out);
    assertEquals(reportedBy(sample, FAO), fao.created(), buffer.toString(StandardCharsets.UTF_8));
    assertEquals(0, fao.rejected());
    BulkReport undp = PublishOwnRecords.publish(HUB.client(UNDP), sample, UNDP, out);
    assertEquals(reportedBy(sample, UNDP), undp.created());
    // Publishing again changes nothing.
    assertEquals(reportedBy(sample, FAO), PublishOwnRecords.publish(HUB.client(FAO), sample, FAO, out).unchanged());

    SstcClient reader = SstcClient.builder().baseUrl(HUB.hub().baseUrl()).build();
    long applied = MirrorChanges.mirror(reader, mirror, out);
    assertEquals(reportedBy(sample, FAO) + reportedBy(sample, UNDP), applied);
    Initiative first = sample.initiatives().stream().filter(i -> i.reportingOrg().id().equals(FAO)).findFirst().orElseThrow();
    Path file = mirror.resolve("initiatives").resolve(first.id() + ".json");
    assertEquals(first, SstcJson.standard().read(Files.readAllBytes(file), Initiative.class));

    // A change and a deletion on the hub reach the mirror on the next run, and only they do.
    HUB.client(FAO).initiatives().update(first.id(), it -> it.toBuilder().status(ActivityStatus.FINALISATION).build());
    var current = HUB.client(FAO).initiatives().get(first.id());
    HUB.client(FAO).initiatives().delete(first.id(), current.version());
    assertEquals(2, MirrorChanges.mirror(reader, mirror, out));
    assertFalse(Files.exists(file), "the deleted initiative's file is gone");
    assertEquals(0, MirrorChanges.mirror(reader, mirror, out));
    reader.close();
  }

  @Test
  void validateFolderReportsEachFileAndExitsOneWhenOneIsInvalid() throws IOException {
    Files.write(mirror.resolve("good.json"), SamplePackage.bytes());
    Files.createDirectories(mirror.resolve("more"));
    Files.writeString(mirror.resolve("more/broken.ndjson"), "{\"recordType\": \"initiative\"}\n");
    Files.writeString(mirror.resolve("notes.txt"), "not data");

    assertEquals(1, ValidateFolder.run(mirror, out));
    String printed = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("more/broken.ndjson:/0/id: error schema.required"), printed);
    assertTrue(printed.endsWith("2 file(s), 1 invalid\n") || printed.endsWith("2 file(s), 1 invalid\r\n"), printed);
    try (Stream<String> lines = printed.lines()) {
      assertFalse(lines.anyMatch(line -> line.startsWith("good.json")), printed);
    }
  }
}
