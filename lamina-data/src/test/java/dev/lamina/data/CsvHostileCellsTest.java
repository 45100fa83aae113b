package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Infinite numbers and bytes in the wrong encoding, in the one-pass and the parallel reader. */
class CsvHostileCellsTest {
  private static final CsvOptions REFUSE =
      CsvOptions.defaults().withNonFinite(CsvOptions.NonFinite.REFUSE);

  @TempDir Path folder;

  private static Table read(byte[] csv, CsvOptions options) {
    return Table.readCsv(new ByteArrayInputStream(csv), "test.csv", options);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inf", "-Infinity", "1e400", "+inf", "-1E999"})
  void infiniteCellsAreRefusedAtTheirLineAndColumn(String cell) {
    byte[] csv = utf8("a,b\n1,2\n3," + cell + "\n5,6\n");
    CsvFormatException error = assertThrows(CsvFormatException.class, () -> read(csv, REFUSE));
    assertEquals(3, error.line());
    assertEquals(2, error.column());
    assertTrue(
        error.getMessage().contains("\"" + cell + "\"")
            && error.getMessage().contains("not a finite number"),
        error.getMessage());
  }

  @Test
  void infiniteCellsAreKeptByDefaultOrReadAsMissingWhenAsked() {
    byte[] csv = utf8("a,b\n1,inf\n3,1e400\n5,6\n");
    assertEquals(Double.POSITIVE_INFINITY, read(csv, CsvOptions.defaults()).numeric("b").get(1));
    Table missing = read(csv, CsvOptions.defaults().withNonFinite(CsvOptions.NonFinite.MISSING));
    assertEquals(2, missing.column("b").missingCount());
    assertEquals(6.0, missing.numeric("b").get(2));
  }

  @Test
  void infiniteTextInATextColumnIsJustText() {
    Table table = read(utf8("a,b\n1,inf\n3,x\n"), REFUSE);
    assertEquals("inf", table.strings("b").get(0));
  }

  @Test
  void latin1BytesFailAtTheirLineUnlessTheEncodingIsGiven() {
    byte[] csv = "name,v\nplain,1\ncafé,2\n".getBytes(StandardCharsets.ISO_8859_1);
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> read(csv, CsvOptions.defaults()));
    assertEquals(3, error.line());
    assertTrue(
        error.getMessage().contains("byte 4 of the line (0xE9) is not UTF-8"), error.getMessage());
    Table table = read(csv, CsvOptions.defaults().withEncoding(StandardCharsets.ISO_8859_1));
    assertEquals("café", table.strings("name").get(1));
  }

  @Test
  void wellFormedMultiByteTextAndAByteOrderMarkPass() {
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    byte[] body = utf8("name,v\ncafé,1\n日本,2\n\uD83D\uDE00,3\n");
    byte[] csv = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, csv, 0, bom.length);
    System.arraycopy(body, 0, csv, bom.length, body.length);
    Table table = read(csv, CsvOptions.defaults());
    assertEquals("\uD83D\uDE00", table.strings("name").get(2));
    assertEquals("name", table.columnNames().get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"c0af", "eda080", "f4908080", "e282", "ff", "80"})
  void malformedSequencesAreRefused(String hex) {
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    csv.writeBytes(utf8("a\n"));
    for (int i = 0; i < hex.length(); i += 2) {
      csv.write(Integer.parseInt(hex.substring(i, i + 2), 16));
    }
    csv.writeBytes(utf8("x\n"));
    CsvFormatException error =
        assertThrows(
            CsvFormatException.class, () -> read(csv.toByteArray(), CsvOptions.defaults()));
    assertEquals(2, error.line());
  }

  @Test
  void anInputEndingInsideACharacterIsRefused() {
    byte[] csv = {'a', '\n', 'x', (byte) 0xe2, (byte) 0x82};
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> read(csv, CsvOptions.defaults()));
    assertTrue(
        error.getMessage().contains("ends inside a multi-byte character"), error.getMessage());
  }

  @Test
  void theParallelReaderRefusesLateLatin1AndInfiniteCellsAtTheirLines() throws IOException {
    Path latin =
        largeFile("latin.csv", 300_000, "caf\u00e9,1,2".getBytes(StandardCharsets.ISO_8859_1));
    CsvFormatException badByte = assertThrows(CsvFormatException.class, () -> Table.readCsv(latin));
    assertEquals(300_000 + 2, badByte.line());
    Path infinite = largeFile("inf.csv", 310_000, utf8("1,-inf,2"));
    CsvFormatException badNumber =
        assertThrows(CsvFormatException.class, () -> Table.readCsv(infinite, REFUSE));
    assertEquals(310_000 + 2, badNumber.line());
    assertEquals(2, badNumber.column());
  }

  @Test
  void aFirstLineOfTooManyFieldsIsRefusedAndAWideFileCostsLittlePerColumn() {
    StringBuilder wide = new StringBuilder();
    for (int c = 0; c < CsvChunkReader.MAX_COLUMNS + 1; c++) {
      wide.append(c == 0 ? "" : ",").append('c').append(c);
    }
    CsvFormatException error =
        assertThrows(
            CsvFormatException.class, () -> read(utf8(wide + "\n"), CsvOptions.defaults()));
    assertTrue(error.getMessage().contains("more than the 100000 columns"), error.getMessage());

    String header = wide.substring(0, wide.indexOf(",c50000"));
    String row = "1" + ",1".repeat(49_999);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Table table = read(utf8(header + "\n" + row + "\n"), CsvOptions.defaults());
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(50_000, table.columnCount());
    // about 1.5 KB a column; it was 7 KB when every column started with room for 1,024 rows
    assertTrue(allocated < 50_000L * 3_000, "allocated " + allocated + " bytes");
  }

  @Test
  void bytesThatStartAsGzipButAreNotAreAFormatError() {
    byte[] csv = {0x1f, (byte) 0x8b, 0, 8, 0, 0, 0, 0, 0, 0, 'a', '\n'};
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> read(csv, CsvOptions.defaults()));
    assertTrue(error.getMessage().contains("not readable gzip"), error.getMessage());
    byte[] truncated = {0x1f, (byte) 0x8b, 8};
    assertThrows(CsvFormatException.class, () -> read(truncated, CsvOptions.defaults()));
  }

  /** About 5 MB of rows {@code i,i,i}, row {@code oddRow} replaced by {@code odd}. */
  private Path largeFile(String name, int oddRow, byte[] odd) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8("a,b,c\n"));
    for (int i = 0; i < 400_000; i++) {
      bytes.writeBytes(i == oddRow ? odd : utf8(i + "," + i + "," + i));
      bytes.write('\n');
    }
    Path file = folder.resolve(name);
    Files.write(file, bytes.toByteArray());
    return file;
  }
}
