package dev.lamina.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a CSV input as a sequence of tables of at most a given number of rows, so that a file
 * larger than memory can be processed chunk by chunk. {@link Table#readCsv} reads one chunk holding
 * everything.
 *
 * <p>Every row is checked: a first line of more than {@value #MAX_COLUMNS} fields (refused before
 * any column is made), a row with more or fewer fields than the header, a non-number in a column
 * forced (or, after the first chunk, fixed) to be numeric, a broken quote or an empty input raise
 * {@link CsvFormatException} naming the source, line and column.
 */
final class CsvChunkReader implements AutoCloseable {
  /** The most columns a CSV may have; a wider first line is refused before any column exists. */
  static final int MAX_COLUMNS = 100_000;

  private final String source;
  private final CsvReader<Long> reader;
  private final Iterator<Long> records;
  private final CellCollector cells;
  private final List<String> names;
  private final Map<String, ColumnType> types;
  private final LongSupplier lineOffset;
  private final CsvOptions.NonFinite nonFinite;
  private long lastLine;

  /** Reads the header from {@code input}; rows follow with {@link #nextChunk}. */
  CsvChunkReader(InputStream input, String source, CsvOptions options) {
    this(
        new CellCollector(options.missingMarkers()),
        source,
        options,
        null,
        () -> 0,
        cells ->
            builder(options)
                .build(cells, checked(decompressed(input, source), options), options.encoding()));
  }

  /**
   * Reads rows from text that is a part of a file whose header, {@code names}, was read elsewhere
   * (null: the text starts with the header); the part starts after {@code lineOffset} lines of the
   * file, which error messages count in.
   */
  CsvChunkReader(
      String text, String source, CsvOptions options, List<String> names, LongSupplier lineOffset) {
    this(
        new CellCollector(options.missingMarkers()),
        source,
        options,
        names,
        lineOffset,
        cells -> builder(options).build(cells, text));
  }

  private CsvChunkReader(
      CellCollector cells,
      String source,
      CsvOptions options,
      List<String> names,
      LongSupplier lineOffset,
      Function<CellCollector, CsvReader<Long>> open) {
    this.source = source;
    this.lineOffset = lineOffset;
    this.nonFinite = options.nonFinite();
    this.cells = cells;
    this.reader = open.apply(cells);
    this.records = reader.iterator();
    this.types = new LinkedHashMap<>(options.columnTypes());
    if (names == null) {
      this.names = readHeader(options.header());
    } else {
      this.names = List.copyOf(names);
      cells.startData(names.size(), lineOffset);
    }
    for (String forced : options.columnTypes().keySet()) {
      if (!this.names.contains(forced)) {
        throw new UnknownColumnException(source + " (forced column type)", forced, this.names);
      }
    }
  }

  private static CsvReader.CsvReaderBuilder builder(CsvOptions options) {
    return CsvReader.builder()
        .fieldSeparator(options.delimiter())
        .quoteCharacter(options.quote())
        .allowExtraFields(true)
        .allowMissingFields(true)
        .skipEmptyLines(true)
        .detectBomHeader(true);
  }

  List<String> columnNames() {
    return names;
  }

  /**
   * The next rows, at most {@code maxRows}; an empty table when the input is exhausted. Column
   * types inferred from the first chunk hold for later ones.
   */
  Table nextChunk(int maxRows) {
    CellCollector filled = fill(maxRows);
    Table chunk = CellColumns.toTable(names, types, List.of(filled), source, nonFinite);
    if (chunk.rowCount() > 0) {
      for (Column column : chunk.columns()) {
        types.putIfAbsent(column.name(), column.type());
      }
    }
    cells.reset();
    return chunk;
  }

  /** Reads up to {@code maxRows} rows into the collector, checking each, and returns it. */
  CellCollector fill(int maxRows) {
    while (cells.rowCount() < maxRows && nextRecord()) {
      checkFieldCount();
    }
    return cells;
  }

  private List<String> readHeader(boolean hasHeader) {
    if (!nextRecord()) {
      throw new CsvFormatException(source, 1, 0, "the input is empty: no header and no rows");
    }
    List<String> fields = cells.takeHeader();
    if (fields.size() > MAX_COLUMNS) {
      throw new CsvFormatException(
          source,
          lastLine,
          0,
          "the first line has "
              + fields.size()
              + " fields, more than the "
              + MAX_COLUMNS
              + " columns a table may have");
    }
    List<String> header = new ArrayList<>();
    for (int c = 0; c < fields.size(); c++) {
      String name = hasHeader ? fields.get(c).strip() : "";
      if (name.isEmpty()) {
        name = "column_" + (c + 1);
      }
      int earlier = header.indexOf(name);
      if (earlier >= 0) {
        throw new CsvFormatException(
            source,
            lastLine,
            c + 1,
            "duplicate column name '" + name + "' (also column " + (earlier + 1) + ")");
      }
      header.add(name);
    }
    cells.startData(header.size(), () -> 0);
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
      throw new CsvFormatException(
          source,
          lastLine + lineOffset.getAsLong(),
          column,
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
    } catch (UncheckedIOException broken) {
      if (broken.getCause() instanceof Utf8Check.InvalidUtf8Exception invalid) {
        throw invalid.toFormatException(source);
      }
      throw unreadable(broken);
    } catch (CsvParseException broken) {
      throw unreadable(broken);
    }
  }

  private CsvFormatException unreadable(RuntimeException broken) {
    long line = lastLine + lineOffset.getAsLong() + 1;
    return new CsvFormatException(
        source, line, 0, "unreadable CSV: " + broken.getMessage(), broken);
  }

  /** UTF-8 input passes through a check that stops at the first byte that is not UTF-8. */
  private static InputStream checked(InputStream input, CsvOptions options) {
    return options.isUtf8() ? new Utf8Check.CheckedStream(input) : input;
  }

  private static InputStream decompressed(InputStream input, String source) {
    try {
      BufferedInputStream buffered = new BufferedInputStream(input, 1 << 16);
      buffered.mark(2);
      int first = buffered.read();
      int second = buffered.read();
      buffered.reset();
      boolean gzip = first == 0x1f && second == 0x8b;
      return gzip
          ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16)
          : buffered;
    } catch (ZipException | EOFException e) {
      throw new CsvFormatException(
          source, 1, 0, "starts as gzip but is not readable gzip: " + e, e);
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
