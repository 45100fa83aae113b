package dev.lamina.data;

import java.util.List;
import java.util.Map;

/**
 * Clips outliers: every value below a column's lower bound becomes the bound, likewise above
 * the upper one. The bounds are fixed numbers for all columns ({@link #fixed}) or percentiles of
 * each column learnt in fit ({@link #percentiles}, NumPy's linear interpolation), the usual
 * winsorizing. Missing values stay missing.
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
    if (!(low <= high) || learnt && !(0 <= low && high <= 100)) {
      throw new IllegalArgumentException(NAME + ": needs low <= high" + (learnt
          ? " within 0..100 (percentiles)" : "") + ", got (" + low + ", " + high + ")");
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
    return ColumnMapping.apply(NAME, FittedColumns.require(columns, NAME), table,
        (c, name, value, row) -> value < lower[c] ? lower[c] : value > upper[c] ? upper[c]
            : value);
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
    Map<String, Object> json = TransformerJson.object(NAME);
    json.put("bounds", learnt ? "percentiles" : "fixed");
    json.put("low", low);
    json.put("high", high);
    if (columns != null) {
      json.put("columns", TransformerJson.strings(columns));
      json.put("lower", TransformerJson.doubles(lower));
      json.put("upper", TransformerJson.doubles(upper));
    }
    return json;
  }

  static OutlierClipper fromJson(Map<String, ?> json) {
    OutlierClipper clipper = new OutlierClipper(
        "percentiles".equals(TransformerJson.text(json, "bounds")),
        TransformerJson.number(json, "low"),
        TransformerJson.number(json, "high"));
    if (json.containsKey("columns")) {
      clipper.columns = TransformerJson.readStrings(json, "columns");
      clipper.lower = TransformerJson.readDoubles(json, "lower");
      clipper.upper = TransformerJson.readDoubles(json, "upper");
    }
    return clipper;
  }
}
