package dev.lamina.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Turns the cells collected from one or more consecutive parts of a CSV input into columns. A
 * column is numeric when its type was forced so, or when it was not forced and every present cell
 * of every part is a number; otherwise it holds text. A non-number in a forced numeric column, and
 * an infinite number when the options refuse them, is reported at its first place in the file.
 */
final class CellColumns {
  /** Below this many rows, converting the columns one after the other is cheaper. */
  private static final int PARALLEL_ROWS = 1 << 16;

  private CellColumns() {}

  static Table toTable(
      List<String> names,
      Map<String, ColumnType> types,
      List<CellCollector> parts,
      String source,
      CsvOptions.NonFinite nonFinite) {
    int rows = 0;
    for (CellCollector part : parts) {
      rows += part.rowCount();
    }
    Column[] columns = new Column[names.size()];
    CsvFormatException[] errors = new CsvFormatException[names.size()];
    int total = rows;
    IntStream columnIndices = IntStream.range(0, names.size());
    (total >= PARALLEL_ROWS ? columnIndices.parallel() : columnIndices)
        .forEach(
            c -> {
              ColumnType type = types.get(names.get(c));
              if (type == null) {
                type = ColumnType.NUMERIC;
                for (CellCollector part : parts) {
                  if (part.dictionary(c).hasNonNumber()) {
                    type = ColumnType.STRING;
                  }
                }
              }
              try {
                columns[c] =
                    type == ColumnType.STRING
                        ? texts(names.get(c), c, parts, total)
                        : numbers(names.get(c), c, parts, total, source, nonFinite);
              } catch (CsvFormatException error) {
                errors[c] = error;
              }
            });
    Arrays.stream(errors)
        .filter(Objects::nonNull)
        .min(
            Comparator.comparingLong(CsvFormatException::line)
                .thenComparingInt(CsvFormatException::column))
        .ifPresent(
            earliest -> {
              throw earliest;
            });
    return Table.of(columns).withSource(source);
  }

  private static StringColumn texts(String name, int column, List<CellCollector> parts, int rows) {
    String[] values = new String[rows];
    int next = 0;
    for (CellCollector part : parts) {
      ColumnDictionary dictionary = part.dictionary(column);
      for (int row = 0; row < part.rowCount(); row++) {
        int id = part.id(column, row);
        values[next++] = id < 0 ? null : dictionary.text(id);
      }
    }
    return StringColumn.wrap(name, values);
  }

  private static NumericColumn numbers(
      String name,
      int column,
      List<CellCollector> parts,
      int rows,
      String source,
      CsvOptions.NonFinite nonFinite) {
    double[] values = new double[rows];
    int next = 0;
    for (CellCollector part : parts) {
      ColumnDictionary dictionary = part.dictionary(column);
      for (int row = 0; row < part.rowCount(); row++) {
        int id = part.id(column, row);
        if (id < 0) {
          values[next++] = Double.NaN;
        } else if (dictionary.isNumber(id)) {
          double value = dictionary.number(id);
          if (Double.isInfinite(value) && nonFinite != CsvOptions.NonFinite.KEEP) {
            if (nonFinite == CsvOptions.NonFinite.REFUSE) {
              throw new CsvFormatException(
                  source,
                  part.line(row),
                  column + 1,
                  "column '"
                      + name
                      + "' holds \""
                      + dictionary.text(id)
                      + "\", which is not a finite number");
            }
            value = Double.NaN;
          }
          values[next++] = value;
        } else {
          throw new CsvFormatException(
              source,
              part.line(row),
              column + 1,
              "column '"
                  + name
                  + "' is numeric but the cell holds \""
                  + dictionary.text(id)
                  + "\"");
        }
      }
    }
    return NumericColumn.wrap(name, values);
  }
}
