package dev.lamina.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV input as a sequence of tables of at most a given number of rows, so that a file
 * larger than memory can be processed chunk by chunk. {@link Table#readCsv} reads one chunk
 * holding everything.
 *
 * <p>Every row is checked: a row with more or fewer fields than the header, a non-number in a
 * column forced (or, after the first chunk, fixed) to be numeric, a broken quote or an empty
 * input raise {@link CsvFormatException} naming the source, line and column.
 */
final class CsvChunkReader implements AutoCloseable {
  private final String source;
  private final CsvOptions options;
  private final CsvReader<CsvRecord> reader;
  private final Iterator<CsvRecord> records;
  private final List<String> names;
  private final Map<String, ColumnType> types;
  private CsvRecord pending;
  private long lastLine;

  CsvChunkReader(InputStream input, String source, CsvOptions options) {
    this.source = source;
    this.options = options;
    this.reader = CsvReader.builder()
        .fieldSeparator(options.delimiter())
        .quoteCharacter(options.quote())
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true)
        .detectBomHeader(true)
        .ofCsvRecord(decompressed(input, source), StandardCharsets.UTF_8);
    this.records = reader.iterator();
    this.types = new LinkedHashMap<>(options.columnTypes());
    this.names = readHeader();
    for (String forced : options.columnTypes().keySet()) {
      if (!names.contains(forced)) {
        throw new UnknownColumnException(source + " (forced column type)", forced, names);
      }
    }
  }

  List<String> columnNames() {
    return names;
  }

  /** The column types seen so far: forced ones and those fixed by earlier chunks. */
  Map<String, ColumnType> columnTypes() {
    return Map.copyOf(types);
  }

  /**
   * The next rows, at most {@code maxRows}; an empty table when the input is exhausted. Column
   * types inferred from the first chunk hold for later ones.
   */
  Table nextChunk(int maxRows) {
    int columnCount = names.size();
    String[][] cells = new String[columnCount][Math.min(maxRows, 1024)];
    long[] lines = new long[cells[0].length];
    int rows = 0;
    while (rows < maxRows && hasNextRecord()) {
      CsvRecord record = nextRecord();
      checkFieldCount(record);
      if (rows == lines.length) {
        int grown = (int) Math.min((long) maxRows, rows * 2L);
        lines = Arrays.copyOf(lines, grown);
        for (int c = 0; c < columnCount; c++) {
          cells[c] = Arrays.copyOf(cells[c], grown);
        }
      }
      lines[rows] = record.getStartingLineNumber();
      for (int c = 0; c < columnCount; c++) {
        String text = record.getField(c);
        cells[c][rows] = options.missingMarkers().contains(text) ? null : text;
      }
      rows++;
    }
    List<Column> columns = new ArrayList<>(columnCount);
    for (int c = 0; c < columnCount; c++) {
      columns.add(toColumn(c, cells[c], rows, lines));
      cells[c] = null;
    }
    if (rows > 0) {
      for (Column column : columns) {
        types.putIfAbsent(column.name(), column.type());
      }
    }
    return Table.of(columns).withSource(source);
  }

  private Column toColumn(int index, String[] cells, int rows, long[] lines) {
    String name = names.get(index);
    ColumnType type = types.get(name);
    if (type == ColumnType.STRING) {
      return StringColumn.wrap(name, dedupe(cells, rows));
    }
    double[] values = new double[rows];
    for (int row = 0; row < rows; row++) {
      String text = cells[row];
      if (text == null) {
        values[row] = Double.NaN;
        continue;
      }
      try {
        values[row] = NumberText.parse(text);
      } catch (NumberFormatException notANumber) {
        if (type == ColumnType.NUMERIC) {
          throw new CsvFormatException(source, lines[row], index + 1,
              "column '" + name + "' is numeric but the cell holds \"" + text + "\"");
        }
        return StringColumn.wrap(name, dedupe(cells, rows));
      }
    }
    return NumericColumn.wrap(name, values);
  }

  /** Shares one instance per distinct text: categorical columns repeat a few values many times. */
  private static String[] dedupe(String[] cells, int rows) {
    Map<String, String> seen = new HashMap<>();
    String[] values = new String[rows];
    for (int row = 0; row < rows; row++) {
      String text = cells[row];
      values[row] = text == null ? null : seen.computeIfAbsent(text, same -> same);
    }
    return values;
  }

  private List<String> readHeader() {
    if (!hasNextRecord()) {
      throw new CsvFormatException(source, 1, 0, "the input is empty: no header and no rows");
    }
    CsvRecord first = nextRecord();
    List<String> header = new ArrayList<>();
    if (!options.header()) {
      for (int c = 0; c < first.getFieldCount(); c++) {
        header.add("column_" + (c + 1));
      }
      pending = first;
      return List.copyOf(header);
    }
    for (int c = 0; c < first.getFieldCount(); c++) {
      String name = first.getField(c).strip();
      if (name.isEmpty()) {
        name = "column_" + (c + 1);
      }
      int earlier = header.indexOf(name);
      if (earlier >= 0) {
        throw new CsvFormatException(source, first.getStartingLineNumber(), c + 1,
            "duplicate column name '" + name + "' (also column " + (earlier + 1) + ")");
      }
      header.add(name);
    }
    return List.copyOf(header);
  }

  private void checkFieldCount(CsvRecord record) {
    int expected = names.size();
    int found = record.getFieldCount();
    if (found != expected) {
      int column = Math.min(found, expected) + 1;
      throw new CsvFormatException(source, record.getStartingLineNumber(), column,
          "expected " + expected + " fields as in the header, found " + found);
    }
  }

  private boolean hasNextRecord() {
    if (pending != null) {
      return true;
    }
    try {
      return records.hasNext();
    } catch (CsvParseException | UncheckedIOException broken) {
      throw malformed(broken);
    }
  }

  private CsvRecord nextRecord() {
    if (pending != null) {
      CsvRecord record = pending;
      pending = null;
      return record;
    }
    try {
      CsvRecord record = records.next();
      lastLine = record.getStartingLineNumber();
      return record;
    } catch (CsvParseException | UncheckedIOException broken) {
      throw malformed(broken);
    }
  }

  private CsvFormatException malformed(RuntimeException broken) {
    return new CsvFormatException(
        source, lastLine + 1, 0, "unreadable CSV: " + broken.getMessage(), broken);
  }

  private static InputStream decompressed(InputStream input, String source) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
      buffered.mark(2);
      int first = buffered.read();
      int second = buffered.read();
      buffered.reset();
      boolean gzip = first == 0x1f && second == 0x8b;
      return gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
          : buffered;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source, e);
    }
  }
}
