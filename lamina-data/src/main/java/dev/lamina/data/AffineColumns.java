package dev.lamina.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the scalers learn: per column, {@code (x - subtract) / divide + add}. Missing values stay
 * missing, as in scikit-learn.
 */
record AffineColumns(List<String> columns, double[] subtract, double[] divide, double[] add) {

  AffineColumns {
    columns = List.copyOf(columns);
    subtract = subtract.clone();
    divide = divide.clone();
    add = add.clone();
  }

  Table apply(String transformer, Table table) {
    List<Column> inputs = FittedColumns.match(transformer, columns, table);
    List<Column> outputs = new ArrayList<>(inputs.size());
    for (int c = 0; c < inputs.size(); c++) {
      double[] values = FittedColumns.numeric(transformer, inputs.get(c)).values();
      double[] scaled = new double[values.length];
      for (int row = 0; row < values.length; row++) {
        scaled[row] = (values[row] - subtract[c]) / divide[c] + add[c];
      }
      outputs.add(NumericColumn.wrap(columns.get(c), scaled));
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** Adds the columns and learnt shifts and scales to {@code json} under the given names. */
  void write(Map<String, Object> json, String subtractName, String divideName) {
    json.put("columns", TransformerJson.strings(columns));
    json.put(subtractName, TransformerJson.doubles(subtract));
    json.put(divideName, TransformerJson.doubles(divide));
  }

  /** Reads what {@link #write} wrote; {@code addValue} comes from the transformer's options. */
  static AffineColumns read(Map<String, ?> json, String subtractName, String divideName,
      double addValue) {
    List<String> columns = TransformerJson.readStrings(json, "columns");
    double[] add = new double[columns.size()];
    Arrays.fill(add, addValue);
    return new AffineColumns(columns, TransformerJson.readDoubles(json, subtractName),
        TransformerJson.readDoubles(json, divideName), add);
  }

  /** The numeric columns of a table being fitted, with an error naming any text column. */
  static List<NumericColumn> numericInputs(String transformer, Table table) {
    List<NumericColumn> numeric = new ArrayList<>();
    for (Column column : table.columns()) {
      FittedColumns.requirePresent(transformer, column);
      numeric.add(FittedColumns.numeric(transformer, column));
    }
    return numeric;
  }
}
