package dev.lamina.cli;

import dev.lamina.data.ColumnType;
import dev.lamina.data.CsvFormatException;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.Datasets;
import dev.lamina.data.Table;
import dev.lamina.data.UnknownColumnException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the CSV files the commands are given. Empty cells, {@code NA} and {@code NULL} are missing.
 * Reading errors become {@link BadInputException}s naming the file, line and column.
 */
final class DataFiles {
  /** The data set {@code train} uses without {@code --data}. */
  static final String DEFAULT_NAME = "red-wine (bundled)";

  static final String DEFAULT_TARGET = "quality";

  /** The most of a file's start looked at to find the header line's delimiter. */
  private static final int HEADER_PEEK_BYTES = 1 << 16;

  private DataFiles() {}

  static Table read(Path file, Map<String, ColumnType> types, DataOptions format) {
    Table[] table = new Table[1];
    read(file, format, options -> table[0] = Table.readCsv(file, options.withColumnTypes(types)));
    return table[0];
  }

  /**
   * Reads {@code file} in tables of at most {@code rows} rows, handed to {@code chunks} in file
   * order (bounded memory whatever the file's size).
   */
  static void readChunks(
      Path file,
      Map<String, ColumnType> types,
      DataOptions format,
      int rows,
      Consumer<Table> chunks) {
    read(
        file,
        format,
        options -> Table.readCsvChunks(file, options.withColumnTypes(types), rows, chunks));
  }

  /** Runs {@code reading} with the file's CSV options, its failures as bad input. */
  private static void read(Path file, DataOptions format, Consumer<CsvOptions> reading) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--data " + file + ": no such file");
    }
    CsvOptions options =
        format.csvOptions(format.delimiterGiven() ? null : headerLine(file, format.charset()));
    try {
      reading.accept(options);
    } catch (CsvFormatException e) {
      throw new BadInputException(e.getMessage() + hint(e, options), e);
    } catch (UnknownColumnException e) {
      throw new BadInputException("--data " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException("--data " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Where {@code column} of {@code file} first holds a cell that is not a number, as the reading
   * error says it ("file, line L, column C: column 'x' is numeric but the cell holds ..."); null
   * when every cell is a number.
   */
  static String firstNonNumber(Path file, String column, DataOptions format) {
    try {
      read(file, Map.of(column, ColumnType.NUMERIC), format);
      return null;
    } catch (BadInputException e) {
      return e.getMessage();
    }
  }

  /**
   * Comma-separated text (header first), read with the defaults and types {@link #read} uses for
   * files.
   */
  static Table read(InputStream csv, String source, Map<String, ColumnType> types) {
    DataOptions defaults = new DataOptions();
    defaults.delimiter = ",";
    return Table.readCsv(csv, source, defaults.csvOptions(null).withColumnTypes(types));
  }

  static Table redWine() {
    return Datasets.redWine();
  }

  /** Fails with the close matches when {@code table} lacks {@code column}. */
  static void requireColumn(Table table, String column, String option) {
    if (!table.hasColumn(column)) {
      UnknownColumnException missing =
          new UnknownColumnException(table.source(), column, table.columnNames());
      throw new BadInputException(option + ": " + missing.getMessage(), missing);
    }
  }

  /** The option that would help with a reading error, if one would. */
  private static String hint(CsvFormatException e, CsvOptions options) {
    String message = e.getMessage();
    if (message.contains("is not UTF-8") || message.contains("multi-byte character")) {
      return " (pass --encoding windows-1252 or ISO-8859-1)";
    }
    if (message.contains("not a finite number")) {
      return " (--infinite missing reads such cells as missing values)";
    }
    if (message.contains("expected ") && message.contains(" fields")) {
      return " (the delimiter used is " + printable(options.delimiter()) + "; see --delimiter)";
    }
    return "";
  }

  private static String printable(char delimiter) {
    return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
  }

  /** The file's first line, decoded leniently, or null when it cannot be had. */
  private static String headerLine(Path file, Charset charset) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      try (InputStream input = gzip ? new GZIPInputStream(raw) : raw) {
        byte[] start = input.readNBytes(HEADER_PEEK_BYTES);
        int end = 0;
        while (end < start.length && start[end] != '\n') {
          end++;
        }
        return new String(start, 0, end, charset);
      }
    } catch (IOException e) {
      return null;
    }
  }
}
