package org.sstc.exchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sstc.exchange.core.IatiImportTest.activity;
import static org.sstc.exchange.core.IatiImportTest.xml;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What other publishers' files showed up in the importer, one regression each. */
class IatiOtherPublishersRegressionTest {
  private static final String PARTICIPANT = "<participating-org ref=\"XM-DAC-41301\" role=\"1\" type=\"40\"><narrative>FAO</narrative></participating-org>\n";

  private static String transaction(String ref, String date) {
    return "<transaction" + (ref == null ? "" : " ref=\"" + ref + "\"") + "><transaction-type code=\"2\"/>"
        + "<transaction-date iso-date=\"" + date + "\"/><value value-date=\"" + date + "\">10</value></transaction>\n";
  }

  @Test
  void aGeneratedTransactionIdNeverTakesAnotherTransactionsRefAndARepeatedRefIsNamed() {
    IatiImport imported = xml(activity(PARTICIPANT + transaction("t2", "2020-01-01") + transaction(null, "2020-01-02")
        + transaction("t2", "2020-01-03")));
    List<Transaction> transactions = imported.pkg().initiatives().get(0).transactions();
    assertThat(transactions).extracting(Transaction::id).containsExactly("t2", "t3", "t4");
    assertThat(imported.unmapped()).filteredOn(n -> n.path().endsWith("transaction[3]/@ref")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("\"t2\" repeats an earlier transaction's").contains("\"t4\""));

    // The ids written as refs come back unchanged, with no note on them.
    byte[] exported = IatiXml.standard().write(imported.pkg());
    assertThat(IatiXml.standard().checkSchema(exported)).isEmpty();
    IatiImport back = IatiXml.standard().read(new ByteArrayInputStream(exported));
    assertThat(back.pkg().initiatives().get(0).transactions()).isEqualTo(transactions);
  }

  @Test
  void aNamespacedIatiRootIsNamedAsSuchNotAsAnotherKindOfFile() {
    assertThatThrownBy(() -> xml("<iati:iati-activities xmlns:iati=\"http://iatistandard.org/\" version=\"2.03\">"
        + "<iati:iati-activity/></iati:iati-activities>"))
        .isInstanceOf(IatiReadException.class)
        .hasMessageContaining("in the namespace \"http://iatistandard.org/\"")
        .hasMessageContaining("remove the namespace declaration");
    assertThatThrownBy(() -> xml("<iati-activities xmlns=\"urn:x\" version=\"2.03\"/>"))
        .isInstanceOf(IatiReadException.class)
        .hasMessageContaining("IATI elements are in no namespace");
  }

  @Test
  void aMissingOrEmptyVersionAndA1xVersionAreNamedClearly() {
    assertThat(xml("<iati-activities version=\"\"/>").unmapped()).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("does not say its IATI version").doesNotContain("null"));
    IatiImport old = xml("<iati-activities version=\"1.05\"><iati-activity><iati-identifier>GB-1-1</iati-identifier>"
        + "<title>A 1.05 title</title></iati-activity></iati-activities>");
    assertThat(old.unmapped()).filteredOn(n -> n.path().equals("/iati-activities/@version")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("1.x").contains("convert the file to IATI 2.03"));
    // Its texts are not lost silently either.
    assertThat(old.unmapped()).anySatisfy(n -> assertThat(n.path()).isEqualTo("/iati-activities/iati-activity[1]/title[1]/text()"));
  }
}
