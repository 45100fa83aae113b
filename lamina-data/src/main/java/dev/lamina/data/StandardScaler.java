package dev.lamina.data;

import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * Standardizes every column: {@code z = (x - mean) / std}, with the population standard deviation
 * (ddof = 0) of the fitted rows; a column without variance gets scale 1. Missing values are ignored
 * when fitting and stay missing. Matches scikit-learn's StandardScaler.
 */
public final class StandardScaler implements Transformer {
  private static final String NAME = "StandardScaler";
  private AffineColumns fitted;

  /** An unfitted scaler. */
  public StandardScaler() {}

  @Override
  public StandardScaler fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[] mean = new double[inputs.size()];
    double[] scale = new double[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      double[] values = inputs.get(c).values();
      double sum = 0;
      int count = 0;
      for (double value : values) {
        if (!Double.isNaN(value)) {
          sum += value;
          count++;
        }
      }
      mean[c] = sum / count;
      double squares = 0;
      for (double value : values) {
        if (!Double.isNaN(value)) {
          squares += (value - mean[c]) * (value - mean[c]);
        }
      }
      double std = Math.sqrt(squares / count);
      scale[c] = isNearZero(std, mean[c], count) ? 1.0 : std;
    }
    fitted = new AffineColumns(table.columnNames(), mean, scale, new double[inputs.size()]);
    return this;
  }

  /**
   * scikit-learn's test for a constant column: a variance no larger than what rounding alone
   * produces around the mean, or a std below 10 machine epsilons. Such columns get scale 1 instead
   * of being blown up.
   */
  private static boolean isNearZero(double std, double mean, int count) {
    double epsilon = Math.ulp(1.0);
    double variance = std * std;
    double roundingBound = count * epsilon * variance + Math.pow(count * mean * epsilon, 2);
    return variance <= roundingBound || std < 10 * epsilon;
  }

  @Override
  public Table transform(Table table) {
    return FittedColumns.require(fitted, NAME).apply(NAME, table);
  }

  @Override
  public boolean isFitted() {
    return fitted != null;
  }

  /** The learnt means per column, in column order. */
  public double[] mean() {
    return FittedColumns.require(fitted, NAME).subtract().clone();
  }

  /** The learnt scales (population std, or 1 for constant columns) per column. */
  public double[] scale() {
    return FittedColumns.require(fitted, NAME).divide().clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    if (fitted != null) {
      fitted.write(json, "mean", "scale");
    }
    return json;
  }

  public static StandardScaler fromJson(Map<String, ?> json) {
    StandardScaler scaler = new StandardScaler();
    if (json.containsKey("columns")) {
      scaler.fitted = AffineColumns.read(json, "mean", "scale", 0);
    }
    return scaler;
  }
}
