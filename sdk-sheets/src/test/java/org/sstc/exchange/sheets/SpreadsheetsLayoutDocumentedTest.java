package org.sstc.exchange.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sstc.exchange.sheets.internal.Field;
import org.sstc.exchange.sheets.internal.Layout;
import org.sstc.exchange.sheets.internal.Sheet;

/** SPREADSHEETS.md describes the layout the code writes: every sheet, every column. */
class SpreadsheetsLayoutDocumentedTest {
  @Test
  void everySheetAndColumnIsInSpreadsheetsMd() throws IOException {
    String doc = Files.readString(Path.of("SPREADSHEETS.md"));
    for (Sheet sheet : Layout.SHEETS) {
      int at = doc.indexOf("### `" + sheet.file() + "`");
      assertThat(at).as(sheet.file()).isNotNegative();
      int end = doc.indexOf("### ", at + 4);
      String section = doc.substring(at, end < 0 ? doc.length() : end);
      for (Field key : sheet.parentKeys()) {
        assertThat(section).contains("| " + key.title() + " | `" + sheet.jsonPath(key.path()) + "` |");
      }
      for (Field field : sheet.fields()) {
        String path = switch (field.kind()) {
          case LANGUAGES -> sheet.jsonPath(field.path()) + "/LANG";
          case EXTENSIONS -> sheet.jsonPath("extensions") + "/NS:NAME";
          default -> sheet.jsonPath(field.path());
        };
        assertThat(section).as(sheet.file() + " " + field.path()).contains("`" + path + "`");
        if (!field.grows()) {
          assertThat(section).as(sheet.file() + " " + field.path()).contains("| " + field.title() + " | `" + path + "` |");
        }
      }
    }
  }
}
