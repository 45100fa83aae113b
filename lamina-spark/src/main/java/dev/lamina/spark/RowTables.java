package dev.lamina.spark;

import dev.lamina.data.Column;
import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.StringColumn;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Rows of a typed DataFrame (see {@link TypedFrames}) as a lamina-data table. */
final class RowTables {
  private RowTables() {}

  /**
   * The {@code columns} of {@code rows}, typed as given; {@code positions} are the columns' indexes
   * in the rows.
   */
  static Table of(List<Row> rows, Map<String, ColumnType> columns, int[] positions) {
    List<Column> built = new ArrayList<>();
    int c = 0;
    for (Map.Entry<String, ColumnType> column : columns.entrySet()) {
      int at = positions[c++];
      if (column.getValue() == ColumnType.NUMERIC) {
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
          values[r] = rows.get(r).isNullAt(at) ? Double.NaN : rows.get(r).getDouble(at);
        }
        built.add(NumericColumn.of(column.getKey(), values));
      } else {
        String[] values = new String[rows.size()];
        for (int r = 0; r < values.length; r++) {
          values[r] = rows.get(r).isNullAt(at) ? null : rows.get(r).getString(at);
        }
        built.add(StringColumn.of(column.getKey(), values));
      }
    }
    return Table.of(built);
  }
}
