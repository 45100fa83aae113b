package dev.lamina.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of several megabytes are read in parts on several cores; the result and the errors must be
 * those of one sequential pass.
 */
class ParallelCsvReadingTest {
  @TempDir Path folder;

  @Test
  void hotelFromAPlainFileEqualsTheSequentialRead() throws IOException {
    Path file = folder.resolve("hotel.csv");
    try (InputStream packed = Datasets.class.getResourceAsStream("datasets/hotel.csv.gz");
        InputStream plain = new GZIPInputStream(packed)) {
      Files.copy(plain, file);
    }
    CsvOptions options = CsvOptions.defaults().withMissingMarkers("NULL");
    Table parallel = Table.readCsv(file, options);
    Table sequential = Datasets.hotel();
    assertEquals(sequential.columnNames(), parallel.columnNames());
    for (Column column : sequential.columns()) {
      Column other = parallel.column(column.name());
      assertEquals(column.type(), other.type(), column.name());
      if (column instanceof NumericColumn numbers) {
        assertArrayEquals(numbers.toArray(), ((NumericColumn) other).toArray(), column.name());
      } else {
        assertArrayEquals(
            ((StringColumn) column).toArray(), ((StringColumn) other).toArray(), column.name());
      }
    }
  }

  @Test
  void aRaggedRowLateInALargeFileIsReportedAtItsLine() throws IOException {
    Path file = writeRows(400_000, 399_000, "1,2");
    CsvFormatException error = assertThrows(CsvFormatException.class, () -> Table.readCsv(file));
    assertEquals(399_000 + 2, error.line());
    assertEquals(3, error.column());
  }

  @Test
  void aLateTextCellTurnsTheWholeColumnIntoTextAcrossParts() throws IOException {
    Path file = writeRows(400_000, 350_000, "1,2,\"x, \"\"quoted\"\"\"");
    Table table = Table.readCsv(file);
    assertEquals(400_000, table.rowCount());
    assertEquals(ColumnType.STRING, table.column("c").type());
    assertEquals("x, \"quoted\"", table.strings("c").get(350_000));
    assertEquals("17", table.strings("c").get(17));
    CsvOptions forced = CsvOptions.defaults().withColumnType("c", ColumnType.NUMERIC);
    CsvFormatException error =
        assertThrows(CsvFormatException.class, () -> Table.readCsv(file, forced));
    assertEquals(350_000 + 2, error.line());
    assertEquals(3, error.column());
  }

  @Test
  void quotedLineBreaksAndStrayQuotesReadAsInOnePass() throws IOException {
    for (String stray : new String[] {"plain", "5\"3"}) {
      Path file = folder.resolve("quoted-" + stray.length() + ".csv");
      StringBuilder text = new StringBuilder("id,note,size\n");
      for (int i = 0; i < 300_000; i++) {
        String note = i % 7 == 0 ? "\"line " + i + ",\nnext \"\"line\"\"\"" : "n" + (i % 13);
        text.append(i)
            .append(',')
            .append(note)
            .append(',')
            .append(i == 150_001 ? stray : Integer.toString(i % 5))
            .append('\n');
      }
      Files.writeString(file, text.toString());
      Table parallel = Table.readCsv(file);
      Table sequential;
      try (InputStream input = Files.newInputStream(file)) {
        sequential = Table.readCsv(input, "stream", CsvOptions.defaults());
      }
      assertEquals(300_000, parallel.rowCount());
      assertArrayEquals(sequential.numeric("id").toArray(), parallel.numeric("id").toArray());
      assertArrayEquals(sequential.strings("note").toArray(), parallel.strings("note").toArray());
      assertEquals(sequential.column("size").type(), parallel.column("size").type());
      assertEquals("line 7,\nnext \"line\"", parallel.strings("note").get(7));
    }
  }

  @Test
  void byteCountingEightAtATimeMatchesAPlainLoop() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    byte[] bytes = new byte[1000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) "\"\n,a\u00ff\u0080\u0000".charAt(random.nextInt(7));
    }
    for (byte value : new byte[] {'"', '\n', (byte) 0xff, (byte) 0x80, 0, 'z'}) {
      for (int from = 0; from < 20; from += 3) {
        int to = bytes.length - from * 7;
        long expected = 0;
        for (int i = from; i < to; i++) {
          expected += bytes[i] == value ? 1 : 0;
        }
        assertEquals(expected, ParallelCsvReader.count(bytes, from, to, value), "byte " + value);
      }
    }
  }

  /** Rows {@code i,i*2,i} (about 5 MB), with row {@code oddRow} replaced by {@code oddText}. */
  private Path writeRows(int rows, int oddRow, String oddText) throws IOException {
    Path file = folder.resolve("rows-" + oddRow + ".csv");
    try (OutputStream out = Files.newOutputStream(file)) {
      StringBuilder text = new StringBuilder("a,b,c\n");
      for (int i = 0; i < rows; i++) {
        text.append(i == oddRow ? oddText : i + "," + (i * 2) + "," + i).append('\n');
      }
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }
}
