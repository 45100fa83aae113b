package dev.lamina.cli;

import dev.lamina.data.ColumnType;
import dev.lamina.data.CsvFormatException;
import dev.lamina.data.CsvOptions;
import dev.lamina.data.Datasets;
import dev.lamina.data.Table;
import dev.lamina.data.UnknownColumnException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the CSV files the commands are given. Empty cells, {@code NA} and {@code NULL} are
 * missing. Reading errors become {@link BadInputException}s naming the file, line and column.
 */
final class DataFiles {
  /** The data set {@code train} uses without {@code --data}. */
  static final String DEFAULT_NAME = "red-wine (bundled)";

  static final String DEFAULT_TARGET = "quality";

  private DataFiles() {}

  static Table read(Path file, Map<String, ColumnType> types) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("--data " + file + ": no such file");
    }
    try {
      return Table.readCsv(file, options().withColumnTypes(types));
    } catch (CsvFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (UnknownColumnException e) {
      throw new BadInputException("--data " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new BadInputException("--data " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** CSV text (header first), read with the options and types {@link #read} uses for files. */
  static Table read(InputStream csv, String source, Map<String, ColumnType> types) {
    return Table.readCsv(csv, source, options().withColumnTypes(types));
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

  private static CsvOptions options() {
    return CsvOptions.defaults().withMissingMarkers("", "NA", "NULL");
  }
}
