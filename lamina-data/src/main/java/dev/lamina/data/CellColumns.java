package dev.lamina.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the cells collected from one or more consecutive parts of a CSV input into columns. A
 * column is numeric when its type was forced so, or when it was not forced and every present
 * cell of every part is a number; otherwise it holds text.
 */
final class CellColumns {
  private CellColumns() {}

  static Table toTable(List<String> names, Map<String, ColumnType> types,
      List<CellCollector> parts, String source) {
    int rows = 0;
    for (CellCollector part : parts) {
      rows += part.rowCount();
    }
    List<Column> columns = new ArrayList<>(names.size());
    for (int c = 0; c < names.size(); c++) {
      ColumnType type = types.get(names.get(c));
      if (type == null) {
        type = ColumnType.NUMERIC;
        for (CellCollector part : parts) {
          if (part.dictionary(c).hasNonNumber()) {
            type = ColumnType.STRING;
          }
        }
      }
      columns.add(type == ColumnType.STRING ? texts(names.get(c), c, parts, rows)
          : numbers(names.get(c), c, parts, rows, source));
    }
    return Table.of(columns).withSource(source);
  }

  private static StringColumn texts(String name, int column, List<CellCollector> parts,
      int rows) {
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

  private static NumericColumn numbers(String name, int column, List<CellCollector> parts,
      int rows, String source) {
    double[] values = new double[rows];
    int next = 0;
    for (CellCollector part : parts) {
      ColumnDictionary dictionary = part.dictionary(column);
      for (int row = 0; row < part.rowCount(); row++) {
        int id = part.id(column, row);
        if (id < 0) {
          values[next++] = Double.NaN;
        } else if (dictionary.isNumber(id)) {
          values[next++] = dictionary.number(id);
        } else {
          throw new CsvFormatException(source, part.line(row), column + 1, "column '" + name
              + "' is numeric but the cell holds \"" + dictionary.text(id) + "\"");
        }
      }
    }
    return NumericColumn.wrap(name, values);
  }
}
