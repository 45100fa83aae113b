package dev.lamina.data.fitting;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.UnknownColumnException;
import java.util.ArrayList;
import java.util.List;

/** Checks shared by transformers that learn something per input column. */
public final class FittedColumns {
  private FittedColumns() {}

  /** Throws unless the transformer has been fitted. */
  public static <T> T require(T fitted, String transformer) {
    if (fitted == null) {
      throw new IllegalStateException(transformer + " is not fitted yet: call fit first");
    }
    return fitted;
  }

  /**
   * The columns of {@code table} named in {@code fitted}, in that order; the table must have all of
   * them and no others, as in scikit-learn, so that a wrong table cannot pass unnoticed.
   */
  public static List<Column> match(String transformer, List<String> fitted, Table table) {
    List<Column> columns = new ArrayList<>(fitted.size());
    for (String name : fitted) {
      if (!table.hasColumn(name)) {
        throw new UnknownColumnException(
            transformer + ".transform (column seen during fit)", name, table.columnNames());
      }
      columns.add(table.column(name));
    }
    for (String name : table.columnNames()) {
      if (!fitted.contains(name)) {
        throw new IllegalArgumentException(
            transformer
                + ".transform: column '"
                + name
                + "' was not seen during fit (fitted on "
                + fitted
                + ")");
      }
    }
    return columns;
  }

  /** The numeric column or an error naming the transformer and the column. */
  public static NumericColumn numeric(String transformer, Column column) {
    if (column instanceof NumericColumn numeric) {
      return numeric;
    }
    throw new IllegalArgumentException(
        transformer
            + ": column '"
            + column.name()
            + "' holds text; it needs numbers (encode it or leave it out of this step)");
  }

  /** Throws when a column has no value to learn from. */
  public static void requirePresent(String transformer, Column column) {
    if (column.size() > 0 && column.missingCount() == column.size()) {
      throw new IllegalArgumentException(
          transformer
              + ".fit: column '"
              + column.name()
              + "' has only missing values, so nothing can be learnt from it");
    }
  }
}
