package dev.lamina.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
  private final CsvReader<Long> reader;
  private final Iterator<Long> records;
  private final CellCollector cells;
  private final List<String> names;
  private final Map<String, ColumnType> types;
  private long lastLine;

  CsvChunkReader(InputStream input, String source, CsvOptions options) {
    this.source = source;
    this.cells = new CellCollector(options.missingMarkers());
    this.reader = CsvReader.builder()
        .fieldSeparator(options.delimiter())
        .quoteCharacter(options.quote())
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true)
        .detectBomHeader(true)
        .build(cells, decompressed(input, source), StandardCharsets.UTF_8);
    this.records = reader.iterator();
    this.types = new LinkedHashMap<>(options.columnTypes());
    this.names = readHeader(options.header());
    for (String forced : options.columnTypes().keySet()) {
      if (!names.contains(forced)) {
        throw new UnknownColumnException(source + " (forced column type)", forced, names);
      }
    }
  }

  List<String> columnNames() {
    return names;
  }

  /**
   * The next rows, at most {@code maxRows}; an empty table when the input is exhausted. Column
   * types inferred from the first chunk hold for later ones.
   */
  Table nextChunk(int maxRows) {
    while (cells.rowCount() < maxRows && nextRecord()) {
      checkFieldCount();
    }
    List<Column> columns = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      columns.add(toColumn(c));
    }
    if (cells.rowCount() > 0) {
      for (Column column : columns) {
        types.putIfAbsent(column.name(), column.type());
      }
    }
    cells.reset();
    return Table.of(columns).withSource(source);
  }

  private Column toColumn(int index) {
    String name = names.get(index);
    ColumnDictionary dictionary = cells.dictionary(index);
    ColumnType type = types.get(name);
    if (type == null) {
      type = dictionary.hasNonNumber() ? ColumnType.STRING : ColumnType.NUMERIC;
    }
    int rows = cells.rowCount();
    if (type == ColumnType.STRING) {
      String[] values = new String[rows];
      for (int row = 0; row < rows; row++) {
        int id = cells.id(index, row);
        values[row] = id < 0 ? null : dictionary.text(id);
      }
      return StringColumn.wrap(name, values);
    }
    double[] values = new double[rows];
    for (int row = 0; row < rows; row++) {
      int id = cells.id(index, row);
      if (id < 0) {
        values[row] = Double.NaN;
      } else if (dictionary.isNumber(id)) {
        values[row] = dictionary.number(id);
      } else {
        throw new CsvFormatException(source, cells.line(row), index + 1,
            "column '" + name + "' is numeric but the cell holds \"" + dictionary.text(id) + "\"");
      }
    }
    return NumericColumn.wrap(name, values);
  }

  private List<String> readHeader(boolean hasHeader) {
    if (!nextRecord()) {
      throw new CsvFormatException(source, 1, 0, "the input is empty: no header and no rows");
    }
    List<String> fields = cells.takeHeader();
    List<String> header = new ArrayList<>();
    for (int c = 0; c < fields.size(); c++) {
      String name = hasHeader ? fields.get(c).strip() : "";
      if (name.isEmpty()) {
        name = "column_" + (c + 1);
      }
      int earlier = header.indexOf(name);
      if (earlier >= 0) {
        throw new CsvFormatException(source, lastLine, c + 1,
            "duplicate column name '" + name + "' (also column " + (earlier + 1) + ")");
      }
      header.add(name);
    }
    cells.startData(header.size());
    if (!hasHeader) {
      cells.addRow(fields, lastLine);
    }
    return List.copyOf(header);
  }

  private void checkFieldCount() {
    int expected = names.size();
    int found = cells.lastFieldCount();
    if (found != expected) {
      int column = Math.min(found, expected) + 1;
      throw new CsvFormatException(source, lastLine, column,
          "expected " + expected + " fields as in the header, found " + found);
    }
  }

  /** Reads one record into the collector; false at the end of the input. */
  private boolean nextRecord() {
    try {
      if (!records.hasNext()) {
        return false;
      }
      lastLine = records.next();
      return true;
    } catch (CsvParseException | UncheckedIOException broken) {
      throw new CsvFormatException(
          source, lastLine + 1, 0, "unreadable CSV: " + broken.getMessage(), broken);
    }
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
