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
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {
  @TempDir Path folder;

  private static Table read(String csv) {
    return read(csv, CsvOptions.defaults());
  }

  private static Table read(String csv, CsvOptions options) {
    return Table.readCsv(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv", options);
  }

  @Test
  void infersNumericAndTextColumnsWithEmptyAndNaAsMissing() {
    Table table = read("a,b,c\n1,x,\n2.5,NA,3\n-4e2,\"y, z\",NA\n");
    assertEquals(List.of("a", "b", "c"), table.columnNames());
    assertEquals(3, table.rowCount());
    assertEquals(ColumnType.NUMERIC, table.column("a").type());
    assertEquals(-400.0, table.numeric("a").get(2));
    assertEquals(ColumnType.STRING, table.column("b").type());
    assertEquals("y, z", table.strings("b").get(2));
    assertTrue(table.column("b").isMissing(1));
    assertEquals(2, table.column("c").missingCount());
    assertEquals(3.0, table.numeric("c").get(1));
  }

  @Test
  void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
    Table table = read("name,note\n\"a \"\"b\"\"\",\"line1\nline2\"\nc,d\n");
    assertEquals("a \"b\"", table.strings("name").get(0));
    assertEquals("line1\nline2", table.strings("note").get(0));
    assertEquals(2, table.rowCount());
  }

  @Test
  void declaredMissingMarkersAndDelimiterAndForcedTypesApply() {
    CsvOptions options =
        CsvOptions.defaults()
            .withDelimiter(';')
            .withMissingMarkers("-1", "NULL")
            .withColumnType("code", ColumnType.STRING);
    Table table = read("sugars;agent;code\n6;NULL;007\n-1;9;12\n", options);
    assertTrue(table.column("sugars").isMissing(1));
    assertTrue(table.column("agent").isMissing(0));
    assertEquals(9.0, table.numeric("agent").get(1));
    assertEquals("007", table.strings("code").get(0));
  }

  @Test
  void numbersParseExactlyLikeJava() {
    String[] texts = {
      "0.1",
      "-0.0",
      "123456789012345",
      "1234567890123456789",
      "1e-300",
      "0.000001234",
      "+7",
      "3.",
      ".5",
      "1E5",
      "nan",
      "inf",
      "-Infinity"
    };
    for (String text : texts) {
      double expected =
          switch (text) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
          };
      assertEquals(expected, NumberText.parse(text), text);
    }
    for (String bad : new String[] {"1d", "0x10", " 1", "1 ", "-", ".", "e5", "1e", "--1"}) {
      assertThrows(NumberFormatException.class, () -> NumberText.parse(bad), bad);
    }
  }

  @Test
  void readsGzipFilesAndSkipsAByteOrderMark() throws IOException {
    Path file = folder.resolve("data.csv.gz");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write("\uFEFFx,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    Files.write(file, bytes.toByteArray());
    Table table = Table.readCsv(file);
    assertEquals(List.of("x", "y"), table.columnNames());
    assertEquals(2.0, table.numeric("y").get(0));
  }

  @Test
  void headerOnlyGivesAnEmptyTable() {
    Table table = read("a,b\n");
    assertEquals(0, table.rowCount());
    assertEquals(List.of("a", "b"), table.columnNames());
  }

  @Test
  void noHeaderNamesColumnsByPosition() {
    Table table = read("1,2\n3,4\n", CsvOptions.defaults().withHeader(false));
    assertEquals(List.of("column_1", "column_2"), table.columnNames());
    assertEquals(2, table.rowCount());
  }

  @Test
  void raggedRowNamesFileLineAndColumn() {
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> read("a,b,c\n1,2,3\n4,5\n6,7,8\n"));
    assertEquals("test.csv", error.source());
    assertEquals(3, error.line());
    assertEquals(3, error.column());
    assertTrue(error.getMessage().contains("expected 3 fields"), error.getMessage());
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotes() {
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> read("a,b\n\"multi\nline\",1\n1,2,3\n"));
    assertEquals(4, error.line());
    assertEquals(3, error.column());
  }

  @Test
  void textInAForcedNumericColumnNamesTheCell() {
    CsvOptions options = CsvOptions.defaults().withColumnType("b", ColumnType.NUMERIC);
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> read("a,b\n1,2\n3,four\n", options));
    assertEquals(3, error.line());
    assertEquals(2, error.column());
    assertTrue(error.getMessage().contains("\"four\""), error.getMessage());
  }

  @Test
  void emptyInputIsAnError() {
    CsvFormatException error = assertThrows(CsvFormatException.class, () -> read(""));
    assertEquals(1, error.line());
    assertTrue(error.getMessage().contains("empty"), error.getMessage());
  }

  @Test
  void duplicateHeaderNamesAreAnError() {
    CsvFormatException error = assertThrows(CsvFormatException.class, () -> read("a,b,a\n1,2,3\n"));
    assertEquals(3, error.column());
  }

  @Test
  void unknownColumnListsCloseMatches() {
    Table hotel = read("is_canceled,lead_time\n0,1\n");
    UnknownColumnException error =
        assertThrows(UnknownColumnException.class, () -> hotel.column("is_cancelled"));
    assertEquals(List.of("is_canceled"), error.closeMatches());
    assertTrue(error.getMessage().contains("test.csv"), error.getMessage());
    assertThrows(
        UnknownColumnException.class,
        () -> read("a\n1\n", CsvOptions.defaults().withColumnType("b", ColumnType.NUMERIC)));
  }

  @Test
  void hotelHasItsShapeAndMissingAgents() {
    Table hotel = Datasets.hotel();
    assertEquals(119_390, hotel.rowCount());
    assertEquals(32, hotel.columnCount());
    assertEquals(16_340, hotel.column("agent").missingCount());
    assertEquals(ColumnType.NUMERIC, hotel.column("agent").type());
    assertEquals(4, hotel.column("children").missingCount());
  }
}
