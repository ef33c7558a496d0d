package org.sstc.exchange.sheets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * Reads and writes the CSV files themselves, through Jackson's CSV format: RFC 4180 (comma,
 * double quotes doubled inside quoted cells, CRLF line ends), UTF-8 with a byte-order mark so that
 * spreadsheets (Excel above all) open it as UTF-8. Reading is strict and bounded: the file size,
 * each cell's length and the number of columns have limits, bad UTF-8 and broken quoting are
 * reported with their line, and nothing is trimmed or guessed.
 */
public final class CsvFiles {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final CsvLimits limits;
  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final ObjectReader semicolonReader;

  public CsvFiles(CsvLimits limits) {
    this.limits = limits;
    CsvFactory factory =
        CsvFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(limits.maxCellLength()).build())
            .build();
    CsvMapper mapper =
        CsvMapper.builder(factory)
            // Excel and LibreOffice drop unquoted leading and trailing spaces on opening.
            .enable(CsvWriteFeature.QUOTE_STRINGS_WITH_LEADING_TRAILING_WHITESPACE)
            .enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
            .build();
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n");
    this.writer = mapper.writer(schema);
    this.reader = mapper.readerFor(String[].class).with(schema);
    this.semicolonReader = mapper.readerFor(String[].class).with(schema.withColumnSeparator(';'));
  }

  /** Writes rows (the first is the header) atomically: to a temporary file, then renamed. */
  public void write(Path file, List<String[]> rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(BOM);
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        SequenceWriter sequence = writer.writeValues(out)) {
      for (String[] row : rows) {
        sequence.write(row);
      }
    }
    // A sibling, not Files.createTempFile: that one is owner-only, and the sheets are for people.
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    try {
      Files.write(partial, bytes.toByteArray());
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** What reading a file gave: its rows (1-based row numbers as a spreadsheet shows them) or why not. */
  public record Read(List<String[]> rows, List<Problem> problems) {}

  /**
   * A problem that stops a file from being read.
   *
   * @param code {@code csv.encoding}, {@code csv.syntax} or {@code csv.limit}
   * @param row the spreadsheet row (1 is the header) where reading stopped; 0 for the whole file
   * @param message what is wrong, where, and how to fix it
   */
  public record Problem(String code, long row, String message) {}

  /** Reads a whole file. Never throws on bad content: a problem comes back instead. */
  public Read read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > limits.maxFileBytes()) {
      return failed(new Problem("csv.limit", 0, "the file is " + size + " bytes, more than the limit of "
          + limits.maxFileBytes() + " bytes; split the package into smaller ones"));
    }
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
      return failed(new Problem("csv.encoding", 0,
          "the file is UTF-16, not UTF-8; save it as 'CSV UTF-8 (comma delimited)'"));
    }
    int start = bytes.length >= BOM.length && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length)
        ? BOM.length : 0;
    String text;
    try {
      text = decode(bytes, start);
    } catch (CharacterCodingException e) {
      return failed(new Problem("csv.encoding", 0,
          Objects.requireNonNullElse(e.getMessage(), "the file is not valid UTF-8; save it as 'CSV UTF-8'")));
    }
    List<String[]> rows = new ArrayList<>();
    ObjectReader rowReader = separatedBySemicolons(text) ? semicolonReader : reader;
    // Token by token rather than a row array at a time, so that a row of a million empty cells is
    // refused at the limit instead of being built first.
    try (JsonParser parser = rowReader.createParser(text)) {
      List<String> row = new ArrayList<>();
      long cells = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_ARRAY) {
          if (rows.size() == limits.maxRows()) {
            return failed(new Problem("csv.limit", rows.size() + 1L, "the file has more than "
                + limits.maxRows() + " rows, the limit (and what a spreadsheet holds); split the package"));
          }
          row = new ArrayList<>();
        } else if (token == JsonToken.END_ARRAY) {
          rows.add(row.toArray(String[]::new));
        } else if (token == JsonToken.VALUE_STRING) {
          if (row.size() == limits.maxColumns()) {
            return failed(new Problem("csv.limit", rows.size() + 1L, "the row has more than "
                + limits.maxColumns() + " cells, the limit" + line(parser.currentLocation())
                + "; a sheet of the layout has a few dozen columns"));
          }
          if (++cells > limits.maxCells()) {
            return failed(new Problem("csv.limit", rows.size() + 1L, "the file has more than "
                + limits.maxCells() + " cells, the limit; split the package"));
          }
          row.add(parser.getString());
        }
      }
    } catch (StreamConstraintsException e) {
      return failed(new Problem("csv.limit", rows.size() + 1L, "a cell is longer than the limit of "
          + limits.maxCellLength() + " characters" + line(e.getLocation())
          + "; shorten it (or check for a quote that is never closed)"));
    } catch (JacksonException e) {
      return failed(new Problem("csv.syntax", rows.size() + 1L, syntax(e)));
    }
    return new Read(rows, List.of());
  }

  /**
   * Spreadsheets set to a language that writes decimals with a comma (French, Spanish, Portuguese
   * …) save "CSV" separated by semicolons. The header row tells: its titles and paths hold neither
   * character, so a header line with semicolons and no comma is such a file.
   */
  private static boolean separatedBySemicolons(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    return header.indexOf(';') >= 0 && header.indexOf(',') < 0;
  }

  private static Read failed(Problem problem) {
    return new Read(List.of(), List.of(problem));
  }

  private static String syntax(JacksonException e) {
    String what = e.getOriginalMessage();
    String fix;
    if (what.contains("Missing closing quote")) {
      what = "a quoted cell is never closed: the file ends inside it";
      fix = "; add the closing \" (a quote inside a cell is written twice: \"\")";
    } else if (what.contains("Expected column separator")) {
      what = "a quoted cell is followed by other characters before the next comma";
      fix = "; a quote inside a cell is written twice (\"\") and the whole cell is quoted";
    } else {
      fix = "; save the file again as CSV from a spreadsheet";
    }
    return "not valid CSV: " + what + line(e.getLocation()) + fix;
  }

  private static String line(TokenStreamLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + " of the file)";
  }

  /** Strict UTF-8: the first malformed byte is reported with its line and byte offset. */
  private static String decode(byte[] bytes, int start) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      long line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new NotUtf8(String.format(
          "not UTF-8: byte 0x%02X at byte offset %d (line %d of the file) cannot start or continue a "
              + "UTF-8 character; save the file as 'CSV UTF-8 (comma delimited)'",
          bytes[offset] & 0xFF, offset, line));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static final class NotUtf8 extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final String message;

    NotUtf8(String message) {
      this.message = message;
    }

    @Override
    public String getMessage() {
      return message;
    }
  }
}
