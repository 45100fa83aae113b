package dev.lamina.data.preprocessing;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.ColumnMapping;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * Clips outliers: every value below a column's lower bound becomes the bound, likewise above the
 * upper one. The bounds are fixed numbers for all columns ({@link #fixed}) or percentiles of each
 * column learnt in fit ({@link #percentiles}, NumPy's linear interpolation), the usual winsorizing.
 * Missing values stay missing.
 */
public final class OutlierClipper implements Transformer {
  private static final String NAME = "OutlierClipper";

  private final boolean learnt;
  private final double low;
  private final double high;
  private List<String> columns;
  private double[] lower;
  private double[] upper;

  private OutlierClipper(boolean learnt, double low, double high) {
    if (!(low <= high) || (learnt && !(0 <= low && high <= 100))) {
      throw new IllegalArgumentException(
          NAME
              + ": needs low <= high"
              + (learnt ? " within 0..100 (percentiles)" : "")
              + ", got ("
              + low
              + ", "
              + high
              + ")");
    }
    this.learnt = learnt;
    this.low = low;
    this.high = high;
  }

  /** The same bounds for every column. */
  public static OutlierClipper fixed(double lower, double upper) {
    return new OutlierClipper(false, lower, upper);
  }

  /** Bounds learnt per column: the {@code low}-th and {@code high}-th percentiles (0 to 100). */
  public static OutlierClipper percentiles(double low, double high) {
    return new OutlierClipper(true, low, high);
  }

  @Override
  public OutlierClipper fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[] newLower = new double[inputs.size()];
    double[] newUpper = new double[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      if (learnt) {
        double[] sorted = Percentiles.sortedPresent(NAME, inputs.get(c));
        newLower[c] = Percentiles.of(sorted, low);
        newUpper[c] = Percentiles.of(sorted, high);
      } else {
        newLower[c] = low;
        newUpper[c] = high;
      }
    }
    columns = table.columnNames();
    lower = newLower;
    upper = newUpper;
    return this;
  }

  @Override
  public Table transform(Table table) {
    // NaN fails both comparisons and stays missing
    return ColumnMapping.apply(
        NAME,
        FittedColumns.require(columns, NAME),
        table,
        (c, name, value, row) -> value < lower[c] ? lower[c] : value > upper[c] ? upper[c] : value);
  }

  @Override
  public boolean isFitted() {
    return columns != null;
  }

  /** The lower bound per column. */
  public double[] lower() {
    return FittedColumns.require(lower, NAME).clone();
  }

  /** The upper bound per column. */
  public double[] upper() {
    return FittedColumns.require(upper, NAME).clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("bounds", learnt ? "percentiles" : "fixed");
    json.put("low", low);
    json.put("high", high);
    if (columns != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("lower", JsonFields.doubles(lower));
      json.put("upper", JsonFields.doubles(upper));
    }
    return json;
  }

  public static OutlierClipper fromJson(Map<String, ?> json) {
    OutlierClipper clipper =
        new OutlierClipper(
            "percentiles".equals(JsonFields.text(json, "bounds")),
            JsonFields.number(json, "low"),
            JsonFields.number(json, "high"));
    if (json.containsKey("columns")) {
      clipper.columns = JsonFields.readStrings(json, "columns");
      clipper.lower = JsonFields.readDoubles(json, "lower");
      clipper.upper = JsonFields.readDoubles(json, "upper");
    }
    return clipper;
  }
}
