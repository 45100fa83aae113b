package dev.lamina.data.preprocessing;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * Scales with statistics that outliers barely move: {@code (x - median) / (Q3 - Q1)}, the quantiles
 * by NumPy's linear interpolation over the present values, as scikit-learn's RobustScaler. A range
 * of zero (a constant column) gets scale 1; missing values stay missing.
 */
public final class RobustScaler implements Transformer {
  private static final String NAME = "RobustScaler";

  private final boolean withCentering;
  private final boolean withScaling;
  private final double lowPercentile;
  private final double highPercentile;
  private AffineColumns fitted;

  /** Centers on the median and divides by the interquartile range, scikit-learn's default. */
  public RobustScaler() {
    this(true, true, 25, 75);
  }

  /**
   * @param lowPercentile the lower end of the range, in percent (0 to 100)
   * @param highPercentile the upper end, above {@code lowPercentile}
   */
  public RobustScaler(
      boolean withCentering, boolean withScaling, double lowPercentile, double highPercentile) {
    if (!(0 <= lowPercentile && lowPercentile < highPercentile && highPercentile <= 100)) {
      throw new IllegalArgumentException(
          NAME
              + ": the quantile range must satisfy "
              + "0 <= low < high <= 100, got ("
              + lowPercentile
              + ", "
              + highPercentile
              + ")");
    }
    this.withCentering = withCentering;
    this.withScaling = withScaling;
    this.lowPercentile = lowPercentile;
    this.highPercentile = highPercentile;
  }

  @Override
  public RobustScaler fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[] center = new double[inputs.size()];
    double[] scale = new double[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      double[] sorted = Percentiles.sortedPresent(NAME, inputs.get(c));
      center[c] = withCentering ? Percentiles.of(sorted, 50) : 0;
      double range = Percentiles.of(sorted, highPercentile) - Percentiles.of(sorted, lowPercentile);
      scale[c] = !withScaling || range < 10 * Math.ulp(1.0) ? 1 : range;
    }
    fitted = new AffineColumns(table.columnNames(), center, scale, new double[inputs.size()]);
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

  /** The learnt medians (0 without centering), in column order. */
  public double[] center() {
    return FittedColumns.require(fitted, NAME).subtract().clone();
  }

  /** The learnt quantile ranges (1 without scaling or for a constant column). */
  public double[] scale() {
    return FittedColumns.require(fitted, NAME).divide().clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("withCentering", withCentering);
    json.put("withScaling", withScaling);
    json.put("quantileRange", JsonFields.doubles(new double[] {lowPercentile, highPercentile}));
    if (fitted != null) {
      fitted.write(json, "center", "scale");
    }
    return json;
  }

  public static RobustScaler fromJson(Map<String, ?> json) {
    double[] range = JsonFields.readDoubles(json, "quantileRange");
    RobustScaler scaler =
        new RobustScaler(
            JsonFields.flag(json, "withCentering", true),
            JsonFields.flag(json, "withScaling", true),
            range[0],
            range[1]);
    if (json.containsKey("columns")) {
      scaler.fitted = AffineColumns.read(json, "center", "scale", 0);
    }
    return scaler;
  }
}
