package org.sstc.exchange.iati;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sstc.exchange.core.Initiative;

/** Bad and hostile IATI XML: refused with a clear error and its position, never expanded, fetched or half-read silently. */
class IatiHostileInputTest {
  private static final IatiXml IATI = IatiXml.standard();

  private static IatiImport read(String xml) {
    return IATI.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String minimal(String identifier) {
    return "<iati-activity><iati-identifier>" + identifier + "</iati-identifier><reporting-org ref=\"XM-DAC-41301\" type=\"40\"><narrative>FAO</narrative></reporting-org>"
        + "<title><narrative xml:lang=\"en\">T</narrative></title><participating-org role=\"1\"><narrative>X</narrative></participating-org>"
        + "<activity-status code=\"2\"/><activity-date type=\"1\" iso-date=\"2020-01-01\"/></iati-activity>\n";
  }

  @Test
  void anExternalEntityIsNeverResolved(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [\n  <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
        + "<iati-activities version=\"2.03\">" + minimal("&xxe;") + "</iati-activities>";
    assertThatThrownBy(() -> read(xxe))
        .isInstanceOfSatisfying(IatiReadException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.column()).isPositive();
        })
        .hasMessageContaining("DOCTYPE").hasMessageContaining("line 4")
        .hasMessageNotContaining("TOP-SECRET");
    List<IatiNote> schema = IATI.checkSchema(xxe.getBytes(StandardCharsets.UTF_8));
    assertThat(schema).isNotEmpty();
    assertThat(schema.toString()).doesNotContain("TOP-SECRET");
  }

  @Test
  @Timeout(20)
  void neitherImportNorSchemaCheckEverOpensAConnection() throws Exception {
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try (java.net.Socket socket = server.accept()) {
            connections.incrementAndGet();
          } catch (IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String base = "http://127.0.0.1:" + server.getLocalPort();
      String withDtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities SYSTEM \"" + base + "/iati.dtd\">\n"
          + "<iati-activities version=\"2.03\">" + minimal("XM-DAC-41301-1") + "</iati-activities>";
      String withSchemaHint = "<iati-activities version=\"2.03\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xmlns:x=\"urn:x\" xsi:schemaLocation=\"urn:x " + base + "/x.xsd\" xsi:noNamespaceSchemaLocation=\"" + base + "/iati.xsd\">"
          + minimal("XM-DAC-41301-1").replace("</iati-activity>", "<x:thing/></iati-activity>") + "</iati-activities>";
      assertThatThrownBy(() -> read(withDtd)).isInstanceOf(IatiReadException.class);
      IATI.checkSchema(withDtd.getBytes(StandardCharsets.UTF_8));
      read(withSchemaHint);
      IATI.checkSchema(withSchemaHint.getBytes(StandardCharsets.UTF_8));
      Thread.sleep(200); // a connection attempt, had there been one, is accepted by now
      assertThat(connections.get()).as("connections to the loopback server").isZero();
    }
  }

  @Test
  @Timeout(10)
  void billionLaughsIsRefusedAtTheDoctypeWithoutExpansion() {
    StringBuilder doctype = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      doctype.append(" <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
    }
    doctype.append("]>\n<iati-activities version=\"2.03\">").append(minimal("&lol9;")).append("</iati-activities>");
    assertThatThrownBy(() -> read(doctype.toString()))
        .isInstanceOf(IatiReadException.class).hasMessageContaining("DOCTYPE").hasMessageContaining("billion laughs");
  }

  @Test
  void anyDoctypeIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> read("<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities SYSTEM \"http://example.org/iati.dtd\">\n<iati-activities version=\"2.03\">"
        + minimal("XM-DAC-41301-1") + "</iati-activities>"))
        .isInstanceOf(IatiReadException.class).hasMessageContaining("line 2").hasMessageContaining("remove the DOCTYPE");
  }

  @Test
  void aTruncatedFileGivesItsPositionAndNoResult() throws IOException {
    byte[] maec;
    try (InputStream in = getClass().getResourceAsStream("/iati/MAEC_IATI_INDONESIA.xml")) {
      maec = in.readAllBytes();
    }
    byte[] truncated = java.util.Arrays.copyOf(maec, maec.length / 2);
    assertThatThrownBy(() -> IATI.read(new ByteArrayInputStream(truncated)))
        .isInstanceOfSatisfying(IatiReadException.class, e -> assertThat(e.line()).isGreaterThan(3000))
        .hasMessageContaining("truncated");
    // streaming hands over the activities before the damage, and then fails: callers writing as they go must discard
    List<ImportedRecord<Initiative>> seen = new ArrayList<>();
    assertThatThrownBy(() -> IATI.stream(new ByteArrayInputStream(truncated), (header, initiative, unmapped) -> seen.add(initiative)))
        .isInstanceOf(IatiReadException.class);
    assertThat(seen).hasSizeBetween(30, 50);
  }

  @Test
  void garbageAndWrongRootsAreNamed() {
    assertThatThrownBy(() -> read("this is not XML")).isInstanceOf(IatiReadException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> read("")).isInstanceOf(IatiReadException.class);
    assertThatThrownBy(() -> read("<html><body/></html>"))
        .isInstanceOf(IatiReadException.class).hasMessageContaining("not <iati-activities>");
    assertThatThrownBy(() -> read("<iati-activities version=\"2.03\">" + minimal("A-1") + "</iati-activities><extra/>"))
        .isInstanceOf(IatiReadException.class).hasMessageContaining("not well-formed");
  }

  @Test
  void invalidUtf8IsNamedWithItsPositionAndNothingIsPrintedOnStandardError() {
    byte[] head = ("<iati-activities version=\"2.03\">\n" + minimal("XM-DAC-41301-1") + "<iati-activity>\n  <title>").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(head, head.length + 2);
    bad[head.length] = (byte) 0xC3; // a lead byte ...
    bad[head.length + 1] = (byte) 0x28; // ... and no continuation
    java.io.PrintStream standardError = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> IATI.read(new ByteArrayInputStream(bad)))
          .isInstanceOfSatisfying(IatiReadException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(10);
          })
          .hasMessageContaining("byte 0xC3 is not valid UTF-8 here (byte 0x28 after it").hasMessageContaining("save the file as UTF-8");
      // a file that declares another encoding is decoded by the parser
      byte[] latin = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><iati-activities version=\"2.03\">"
          + minimal("XM-DAC-41301-1").replace(">T<", ">caf\u00e9<") + "</iati-activities>").getBytes(StandardCharsets.ISO_8859_1);
      assertThat(Completed.pkg(IATI.read(new ByteArrayInputStream(latin))).initiatives().get(0).title().text()).isEqualTo("caf\u00e9");
    } finally {
      System.setErr(standardError);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void deepNestingInsideAnActivityIsRefused() {
    String deep = "<x>".repeat(10_000) + "</x>".repeat(10_000);
    assertThatThrownBy(() -> read("<iati-activities version=\"2.03\"><iati-activity>" + deep + "</iati-activity></iati-activities>"))
        .isInstanceOf(IatiReadException.class).hasMessageContaining("nested more than");
  }

  @Test
  void activitiesReachTheHandlerOneByOneBeforeTheFileEnds() {
    byte[] head = ("<iati-activities version=\"2.03\">" + minimal("XM-DAC-41301-1") + minimal("XM-DAC-41301-2")).getBytes(StandardCharsets.UTF_8);
    List<String> ids = new ArrayList<>();
    // a stream that breaks after two activities: both must have been handed over already
    InputStream breaking = new java.io.SequenceInputStream(new ByteArrayInputStream(head), new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    });
    assertThatThrownBy(() -> IATI.stream(breaking, (header, initiative, unmapped) -> ids.add(initiative.id().orElseThrow())))
        .isInstanceOf(RuntimeException.class);
    assertThat(ids).containsExactly("XM-DAC-41301-1", "XM-DAC-41301-2");
  }

  @Test
  @Timeout(20)
  void twentyThousandGeneratedActivitiesStreamThrough() {
    int count = 20_000;
    InputStream generated = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
        new ByteArrayInputStream("<iati-activities version=\"2.03\">".getBytes(StandardCharsets.UTF_8)),
        new InputStream() {
          private int index;
          private byte[] current = new byte[0];
          private int position;

          @Override
          public int read() {
            if (position == current.length) {
              if (index == count) {
                return -1;
              }
              current = minimal("XM-DAC-41301-" + index++).getBytes(StandardCharsets.UTF_8);
              position = 0;
            }
            return current[position++];
          }
        },
        new ByteArrayInputStream("</iati-activities>".getBytes(StandardCharsets.UTF_8)))));
    long[] seen = {0};
    IATI.stream(generated, (header, initiative, unmapped) -> seen[0]++);
    assertThat(seen[0]).isEqualTo(count);
  }
}
