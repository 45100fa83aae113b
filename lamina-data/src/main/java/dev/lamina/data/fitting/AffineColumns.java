package dev.lamina.data.fitting;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the scalers learn: per column, {@code (x - subtract) / divide + add}. Missing values stay
 * missing, as in scikit-learn.
 */
public record AffineColumns(
    List<String> columns, double[] subtract, double[] divide, double[] add) {

  public AffineColumns {
    columns = List.copyOf(columns);
    subtract = subtract.clone();
    divide = divide.clone();
    add = add.clone();
  }

  public Table apply(String transformer, Table table) {
    List<Column> inputs = FittedColumns.match(transformer, columns, table);
    List<Column> outputs = new ArrayList<>(inputs.size());
    for (int c = 0; c < inputs.size(); c++) {
      double[] values = FittedColumns.numeric(transformer, inputs.get(c)).toArray();
      double[] scaled = new double[values.length];
      for (int row = 0; row < values.length; row++) {
        scaled[row] = (values[row] - subtract[c]) / divide[c] + add[c];
      }
      outputs.add(NumericColumn.of(columns.get(c), scaled));
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** Adds the columns and learnt shifts and scales to {@code json} under the given names. */
  public void write(Map<String, Object> json, String subtractName, String divideName) {
    json.put("columns", JsonFields.strings(columns));
    json.put(subtractName, JsonFields.doubles(subtract));
    json.put(divideName, JsonFields.doubles(divide));
  }

  /** Reads what {@link #write} wrote; {@code addValue} comes from the transformer's options. */
  public static AffineColumns read(
      Map<String, ?> json, String subtractName, String divideName, double addValue) {
    List<String> columns = JsonFields.readStrings(json, "columns");
    double[] add = new double[columns.size()];
    Arrays.fill(add, addValue);
    return new AffineColumns(
        columns,
        JsonFields.readDoubles(json, subtractName),
        JsonFields.readDoubles(json, divideName),
        add);
  }

  /** The numeric columns of a table being fitted, with an error naming any text column. */
  public static List<NumericColumn> numericInputs(String transformer, Table table) {
    List<NumericColumn> numeric = new ArrayList<>();
    for (Column column : table.columns()) {
      FittedColumns.requirePresent(transformer, column);
      numeric.add(FittedColumns.numeric(transformer, column));
    }
    return numeric;
  }
}
