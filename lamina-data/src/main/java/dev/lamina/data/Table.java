package dev.lamina.data;

import dev.lamina.ColumnValues;
import dev.lamina.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * An immutable, column-oriented table of numeric and text columns, read from CSV or built from
 * columns. Every operation returns a new table and shares the unchanged column data.
 */
public final class Table {
  private final List<Column> columns;
  private final Map<String, Integer> indexByName;
  private final int rowCount;
  private final String source;

  private Table(List<Column> columns, String source) {
    this.columns = List.copyOf(columns);
    this.indexByName = new HashMap<>();
    this.rowCount = columns.isEmpty() ? 0 : columns.get(0).size();
    this.source = source;
    for (int i = 0; i < this.columns.size(); i++) {
      Column column = this.columns.get(i);
      if (indexByName.put(column.name(), i) != null) {
        throw new IllegalArgumentException("Table: duplicate column name '" + column.name() + "'");
      }
      if (column.size() != rowCount) {
        throw new IllegalArgumentException(
            "Table: column '"
                + column.name()
                + "' has "
                + column.size()
                + " rows but column '"
                + columns.get(0).name()
                + "' has "
                + rowCount);
      }
    }
  }

  /** A table of the given columns, which must have distinct names and equal lengths. */
  public static Table of(List<? extends Column> columns) {
    return new Table(List.copyOf(columns), "table");
  }

  public static Table of(Column... columns) {
    return of(List.of(columns));
  }

  /** Reads a CSV file (or a gzip-compressed one) with the default options. */
  public static Table readCsv(Path file) {
    return readCsv(file, CsvOptions.defaults());
  }

  public static Table readCsv(Path file, CsvOptions options) {
    try {
      Table parallel = ParallelCsvReader.readOrNull(file, options);
      if (parallel != null) {
        return parallel;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Table.readCsv: cannot read " + file, e);
    }
    try (InputStream input = Files.newInputStream(file)) {
      return readCsv(input, file.getFileName().toString(), options);
    } catch (IOException e) {
      throw new UncheckedIOException("Table.readCsv: cannot read " + file, e);
    }
  }

  /** Reads CSV (or gzip-compressed CSV) from a stream; the caller closes the stream. */
  public static Table readCsv(InputStream input) {
    return readCsv(input, CsvOptions.defaults());
  }

  public static Table readCsv(InputStream input, CsvOptions options) {
    return readCsv(input, "stream", options);
  }

  /** Reads CSV from a stream; {@code sourceName} names the input in error messages. */
  public static Table readCsv(InputStream input, String sourceName, CsvOptions options) {
    CsvChunkReader reader = new CsvChunkReader(input, sourceName, options);
    return reader.nextChunk(Integer.MAX_VALUE - 8);
  }

  /**
   * Reads a CSV file (or gzip-compressed CSV) in tables of at most {@code rows} rows, handed to
   * {@code chunks} in file order, so that a file larger than memory is processed in bounded memory.
   * Column types not fixed by {@code options} are those of the first chunk; errors name the line in
   * the file.
   */
  public static void readCsvChunks(
      Path file, CsvOptions options, int rows, Consumer<Table> chunks) {
    try (InputStream input = Files.newInputStream(file);
        CsvChunkReader reader = new CsvChunkReader(input, file.getFileName().toString(), options)) {
      for (Table chunk = reader.nextChunk(rows);
          chunk.rowCount() > 0;
          chunk = reader.nextChunk(rows)) {
        chunks.accept(chunk);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Table.readCsvChunks: cannot read " + file, e);
    }
  }

  /** The same columns, naming {@code sourceName} (a file name) in error messages. */
  public Table withSource(String sourceName) {
    return new Table(columns, sourceName);
  }

  /** Where the table came from, such as a file name; used in error messages. */
  public String source() {
    return source;
  }

  public int rowCount() {
    return rowCount;
  }

  public int columnCount() {
    return columns.size();
  }

  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    for (Column column : columns) {
      names.add(column.name());
    }
    return names;
  }

  public List<Column> columns() {
    return columns;
  }

  public boolean hasColumn(String name) {
    return indexByName.containsKey(name);
  }

  /**
   * The column named {@code name}.
   *
   * @throws UnknownColumnException naming close matches when there is no such column
   */
  public Column column(String name) {
    Integer index = indexByName.get(name);
    if (index == null) {
      throw new UnknownColumnException(source, name, columnNames());
    }
    return columns.get(index);
  }

  /** The named column, which must be numeric. */
  public NumericColumn numeric(String name) {
    Column column = column(name);
    if (column instanceof NumericColumn numeric) {
      return numeric;
    }
    throw new IllegalArgumentException(
        source
            + ": column '"
            + name
            + "' holds text, not numbers (for example \""
            + firstPresent(column)
            + "\"); encode it first");
  }

  /** The named column, which must hold text. */
  public StringColumn strings(String name) {
    Column column = column(name);
    if (column instanceof StringColumn strings) {
      return strings;
    }
    throw new IllegalArgumentException(source + ": column '" + name + "' is numeric, not text");
  }

  /** The named columns in the given order. */
  public Table select(String... names) {
    return select(List.of(names));
  }

  public Table select(List<String> names) {
    List<Column> picked = new ArrayList<>(names.size());
    for (String name : names) {
      picked.add(column(name));
    }
    return new Table(picked, source);
  }

  /** All columns but the named ones, each of which must exist. */
  public Table drop(String... names) {
    Set<String> dropped = new LinkedHashSet<>();
    for (String name : names) {
      dropped.add(column(name).name());
    }
    List<Column> kept = new ArrayList<>();
    for (Column column : columns) {
      if (!dropped.contains(column.name())) {
        kept.add(column);
      }
    }
    return new Table(kept, source);
  }

  /** This table with {@code column} added at the end, or replacing the column of that name. */
  public Table with(Column column) {
    List<Column> all = new ArrayList<>(columns);
    Integer index = indexByName.get(column.name());
    if (index == null) {
      all.add(column);
    } else {
      all.set(index, column);
    }
    return new Table(all, source);
  }

  /** The columns of this table followed by those of {@code other}, which has as many rows. */
  public Table concatColumns(Table other) {
    if (other.rowCount != rowCount && !columns.isEmpty() && !other.columns.isEmpty()) {
      throw new IllegalArgumentException(
          "Table.concatColumns: "
              + rowCount
              + " rows here but "
              + other.rowCount
              + " rows in the other table");
    }
    List<Column> all = new ArrayList<>(columns);
    all.addAll(other.columns);
    return new Table(all, source);
  }

  /** The rows whose index satisfies {@code keep}, e.g. {@code i -> price.get(i) > 0}. */
  public Table filter(IntPredicate keep) {
    int[] kept = new int[rowCount];
    int count = 0;
    for (int row = 0; row < rowCount; row++) {
      if (keep.test(row)) {
        kept[count++] = row;
      }
    }
    return rows(Arrays.copyOf(kept, count));
  }

  /** The first {@code n} rows (all of them when there are fewer). */
  public Table head(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Table.head: n must be >= 0, got " + n);
    }
    int[] first = new int[Math.min(n, rowCount)];
    for (int i = 0; i < first.length; i++) {
      first[i] = i;
    }
    return rows(first);
  }

  /** The rows at the given indices, in that order (repeats allowed). */
  public Table rows(int[] indices) {
    for (int index : indices) {
      if (index < 0 || index >= rowCount) {
        throw new IndexOutOfBoundsException(
            "Table.rows: row " + index + " outside 0.." + (rowCount - 1));
      }
    }
    List<Column> picked = new ArrayList<>(columns.size());
    for (Column column : columns) {
      picked.add(column.rows(indices));
    }
    return new Table(picked, source);
  }

  /** A random split: {@code floor(trainFraction * rows)} shuffled rows train, the rest validate. */
  public TableSplit split(double trainFraction, long seed) {
    return TableSplitter.random(this, trainFraction, seed);
  }

  /** A random split that keeps the share of each value of {@code column} on both sides. */
  public TableSplit stratifiedSplit(String column, double trainFraction, long seed) {
    return TableSplitter.stratified(this, column(column), trainFraction, seed);
  }

  /**
   * A random split by group: every row of one value of {@code groupColumn} lands on the same side;
   * {@code floor(trainFraction * groups)} shuffled groups (at least one, and at least one left
   * over) go to training.
   */
  public TableSplit groupSplit(String groupColumn, double trainFraction, long seed) {
    return TableSplitter.grouped(this, column(groupColumn), trainFraction, seed);
  }

  /**
   * The numbers as a (rows, columns) float32 tensor.
   *
   * @throws IllegalArgumentException naming the first text column or the first column with missing
   *     values
   */
  public Tensor toTensor() {
    List<NumericCells> cells = new ArrayList<>(columns.size());
    for (Column column : columns) {
      NumericColumn numeric = numeric(column.name());
      int row = numeric.cells().firstMissing();
      if (row >= 0) {
        throw new IllegalArgumentException(
            source
                + ": column '"
                + column.name()
                + "' has missing values (first at row "
                + row
                + "); impute them before toTensor");
      }
      cells.add(numeric.cells());
    }
    return ColumnValues.tensorOf(rowCount, cells);
  }

  private static String firstPresent(Column column) {
    for (int row = 0; row < column.size(); row++) {
      if (!column.isMissing(row)) {
        return column.format(row);
      }
    }
    return "NA";
  }

  /** A preview: the first rows aligned under their column names, and the table's size. */
  @Override
  public String toString() {
    return TablePreview.render(this, 5);
  }
}
