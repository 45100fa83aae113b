package dev.lamina.data.fitting;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.List;

/** Transforms that map every cell of each fitted numeric column to one new value. */
public final class ColumnMapping {
  private ColumnMapping() {}

  /** The new value of one cell. */
  @FunctionalInterface
  public interface Cell {
    double apply(int column, String name, double value, int row);
  }

  /** The fitted columns of {@code table} (checked as in {@link FittedColumns#match}), mapped. */
  public static Table apply(String transformer, List<String> fitted, Table table, Cell cell) {
    List<Column> inputs = FittedColumns.match(transformer, fitted, table);
    List<Column> outputs = new ArrayList<>(inputs.size());
    for (int c = 0; c < inputs.size(); c++) {
      String name = fitted.get(c);
      double[] values = FittedColumns.numeric(transformer, inputs.get(c)).toArray();
      double[] results = new double[values.length];
      for (int row = 0; row < values.length; row++) {
        results[row] = cell.apply(c, name, values[row], row);
      }
      outputs.add(NumericColumn.of(name, results));
    }
    return Table.of(outputs).withSource(table.source());
  }
}
