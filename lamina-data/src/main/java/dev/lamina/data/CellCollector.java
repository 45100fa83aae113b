package dev.lamina.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Receives FastCSV's fields as character ranges and stores each data cell as an id into its
 * column's {@link ColumnDictionary} (-1 when missing), so reading allocates per distinct value, not
 * per cell. The first record can be taken as the header, as plain strings.
 *
 * <p>Each record is stored in the next row slot as FastCSV parses it; the reader checks the field
 * count of the record it gets back and rejects ragged rows, so the cells a short row leaves unset
 * are never read.
 */
final class CellCollector extends AbstractBaseCsvCallbackHandler<Long> {
  /** Row slots at first; they double as rows come, so a wide file starts small. */
  private static final int INITIAL_ROWS = 64;

  private final Set<String> missingMarkers;
  private List<String> headerFields = new ArrayList<>();
  private int columnCount = -1;
  private ColumnDictionary[] dictionaries;
  private int[][] ids;
  private long[] lines;
  private int rows;
  private int lastFieldCount;
  private LongSupplier lineOffset = () -> 0;

  CellCollector(Set<String> missingMarkers) {
    this.missingMarkers = missingMarkers;
  }

  /** The fields of the record just read while collecting the header. */
  List<String> takeHeader() {
    List<String> fields = headerFields;
    headerFields = new ArrayList<>();
    return fields;
  }

  /**
   * Switches from header to data: from now on records become rows of {@code columns}; their line
   * numbers are counted after {@code lineOffset} lines that came before this input (asked for only
   * when an error is reported, as counting them takes a pass over the file).
   */
  void startData(int columns, LongSupplier lineOffset) {
    this.lineOffset = lineOffset;
    columnCount = columns;
    headerFields = null;
    reset();
  }

  /** Stores a row given as strings (the first record of a file without header). */
  void addRow(List<String> fields, long line) {
    beginRow(line);
    for (int c = 0; c < columnCount; c++) {
      char[] chars = fields.get(c).toCharArray();
      storeCell(c, chars, 0, chars.length);
    }
    rows++;
  }

  /** The number of fields of the record read last. */
  int lastFieldCount() {
    return lastFieldCount;
  }

  int rowCount() {
    return rows;
  }

  /** The line of the file where {@code row} starts. */
  long line(int row) {
    return lines[row] + lineOffset.getAsLong();
  }

  int id(int column, int row) {
    return ids[column][row];
  }

  ColumnDictionary dictionary(int column) {
    return dictionaries[column];
  }

  /** Forgets the stored rows and values; the next chunk starts empty. */
  void reset() {
    rows = 0;
    dictionaries = new ColumnDictionary[columnCount];
    ids = new int[columnCount][INITIAL_ROWS];
    lines = new long[INITIAL_ROWS];
    for (int c = 0; c < columnCount; c++) {
      dictionaries[c] = new ColumnDictionary(missingMarkers);
    }
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    if (headerFields == null) {
      beginRow(startingLineNumber);
    }
  }

  @Override
  protected void handleField(int fieldIndex, char[] buf, int offset, int length, boolean quoted) {
    if (headerFields != null) {
      headerFields.add(new String(buf, offset, length));
    } else if (fieldIndex < columnCount) {
      storeCell(fieldIndex, buf, offset, length);
    }
  }

  @Override
  protected Long buildRecord() {
    lastFieldCount = getFieldCount();
    if (headerFields == null && getRecordType() == RecordType.DATA) {
      rows++;
    }
    return getStartingLineNumber();
  }

  private void beginRow(long line) {
    if (rows == lines.length) {
      int grown = rows * 2;
      lines = Arrays.copyOf(lines, grown);
      for (int c = 0; c < columnCount; c++) {
        ids[c] = Arrays.copyOf(ids[c], grown);
      }
    }
    lines[rows] = line;
  }

  private void storeCell(int column, char[] chars, int offset, int length) {
    ids[column][rows] = dictionaries[column].intern(chars, offset, length);
  }
}
