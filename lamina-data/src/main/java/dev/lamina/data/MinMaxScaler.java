package dev.lamina.data;

import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * Scales every column linearly so that the fitted rows span {@code [min, max]} (default {@code [0,
 * 1]}); a constant column maps to {@code min}. Missing values are ignored when fitting and stay
 * missing. Matches scikit-learn's MinMaxScaler.
 */
public final class MinMaxScaler implements Transformer {
  private static final String NAME = "MinMaxScaler";
  private final double rangeMin;
  private final double rangeMax;
  private AffineColumns fitted;

  /** Scales to {@code [0, 1]}. */
  public MinMaxScaler() {
    this(0, 1);
  }

  /** Scales to {@code [rangeMin, rangeMax]}, scikit-learn's {@code feature_range}. */
  public MinMaxScaler(double rangeMin, double rangeMax) {
    if (!(rangeMin < rangeMax)) {
      throw new IllegalArgumentException(
          "MinMaxScaler: feature range needs min < max, got [" + rangeMin + ", " + rangeMax + "]");
    }
    this.rangeMin = rangeMin;
    this.rangeMax = rangeMax;
  }

  @Override
  public MinMaxScaler fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[] dataMin = new double[inputs.size()];
    double[] divide = new double[inputs.size()];
    double[] add = new double[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double value : inputs.get(c).values()) {
        if (!Double.isNaN(value)) {
          min = Math.min(min, value);
          max = Math.max(max, value);
        }
      }
      double range = max - min;
      dataMin[c] = min;
      divide[c] = (range == 0 ? 1.0 : range) / (rangeMax - rangeMin);
      add[c] = rangeMin;
    }
    fitted = new AffineColumns(table.columnNames(), dataMin, divide, add);
    return this;
  }

  @Override
  public Table transform(Table table) {
    return FittedColumns.require(fitted, NAME).apply(NAME, table);
  }

  @Override
  public boolean isFitted() {
    return fitted != null;
  }

  /** The smallest fitted value per column. */
  public double[] dataMin() {
    return FittedColumns.require(fitted, NAME).subtract().clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("rangeMin", rangeMin);
    json.put("rangeMax", rangeMax);
    if (fitted != null) {
      fitted.write(json, "dataMin", "divide");
    }
    return json;
  }

  static MinMaxScaler fromJson(Map<String, ?> json) {
    MinMaxScaler scaler =
        new MinMaxScaler(
            JsonFields.number(json, "rangeMin", 0), JsonFields.number(json, "rangeMax", 1));
    if (json.containsKey("columns")) {
      scaler.fitted = AffineColumns.read(json, "dataMin", "divide", scaler.rangeMin);
    }
    return scaler;
  }
}
