package dev.lamina.data.preprocessing;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.ColumnMapping;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.Percentiles;
import dev.lamina.data.numerics.Interpolation;
import dev.lamina.data.numerics.Matrices;
import dev.lamina.data.numerics.NormalDistribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps each column through its own empirical distribution to a uniform or a normal one, as
 * scikit-learn's QuantileTransformer: {@code nQuantiles} (default 1000, at most the number of rows)
 * percentiles are learnt in fit; transform interpolates between them, averaging the interpolations
 * from both ends so that repeated values land in the middle of their run, and clips the normal
 * output at the quantiles of 1e-7 and 1 - 1e-7. Unlike scikit-learn, fit uses every row instead of
 * a random subsample of 100,000. Missing values stay missing.
 */
public final class QuantileTransformer implements Transformer {
  private static final String NAME = "QuantileTransformer";
  private static final double BOUNDS_THRESHOLD = 1e-7;
  private static final double CLIP_LOW =
      NormalDistribution.quantile(BOUNDS_THRESHOLD - Math.ulp(1.0));
  private static final double CLIP_HIGH =
      NormalDistribution.quantile(1 - (BOUNDS_THRESHOLD - Math.ulp(1.0)));

  /** The distribution of the output. */
  public enum Output {
    UNIFORM,
    NORMAL
  }

  private final int nQuantiles;
  private final Output output;
  private List<String> columns;
  private double[][] quantiles;
  private double[] references;

  /** 1000 quantiles, uniform output: scikit-learn's default. */
  public QuantileTransformer() {
    this(1000, Output.UNIFORM);
  }

  public QuantileTransformer(int nQuantiles, Output output) {
    if (nQuantiles < 1) {
      throw new IllegalArgumentException(
          NAME + ": nQuantiles must be at least 1, got " + nQuantiles);
    }
    this.nQuantiles = nQuantiles;
    this.output = output;
  }

  @Override
  public QuantileTransformer fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    int count = Math.max(1, Math.min(nQuantiles, table.rowCount()));
    double[] newReferences = linspace(count);
    double[][] learnt = new double[inputs.size()][count];
    for (int c = 0; c < inputs.size(); c++) {
      double[] sorted = Percentiles.sortedPresent(NAME, inputs.get(c));
      for (int i = 0; i < count; i++) {
        // NumPy's percentiles can dip by an ulp between neighbours; keep them non-decreasing
        double quantile = Percentiles.of(sorted, newReferences[i] * 100);
        learnt[c][i] = i == 0 ? quantile : Math.max(quantile, learnt[c][i - 1]);
      }
    }
    columns = table.columnNames();
    quantiles = learnt;
    references = newReferences;
    return this;
  }

  /** {@code numpy.linspace(0, 1, count)}. */
  private static double[] linspace(int count) {
    double[] values = new double[count];
    double step = 1.0 / (count - 1);
    for (int i = 0; i < count; i++) {
      values[i] = i * step;
    }
    values[count - 1] = 1;
    return values;
  }

  @Override
  public Table transform(Table table) {
    return ColumnMapping.apply(
        NAME,
        FittedColumns.require(columns, NAME),
        table,
        (c, name, value, row) -> transformValue(value, quantiles[c]));
  }

  private double transformValue(double x, double[] columnQuantiles) {
    if (Double.isNaN(x)) {
      return x;
    }
    double uniform;
    if (x + BOUNDS_THRESHOLD > columnQuantiles[columnQuantiles.length - 1]) {
      uniform = 1;
    } else {
      uniform =
          0.5
              * (Interpolation.forward(x, columnQuantiles, references)
                  + Interpolation.backward(x, columnQuantiles, references));
    }
    if (x - BOUNDS_THRESHOLD < columnQuantiles[0]) {
      uniform = 0;
    }
    if (output == Output.UNIFORM) {
      return uniform;
    }
    return Math.max(CLIP_LOW, Math.min(CLIP_HIGH, NormalDistribution.quantile(uniform)));
  }

  @Override
  public boolean isFitted() {
    return quantiles != null;
  }

  /** The learnt quantiles, one array per column. */
  public double[][] quantiles() {
    return Matrices.copy(FittedColumns.require(quantiles, NAME));
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("nQuantiles", nQuantiles);
    json.put("output", output.name().toLowerCase(Locale.ROOT));
    if (quantiles != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("quantiles", JsonFields.matrix(quantiles));
    }
    return json;
  }

  public static QuantileTransformer fromJson(Map<String, ?> json) {
    QuantileTransformer transformer =
        new QuantileTransformer(
            JsonFields.integer(json, "nQuantiles"),
            Output.valueOf(JsonFields.text(json, "output", "uniform").toUpperCase(Locale.ROOT)));
    if (json.containsKey("columns")) {
      transformer.columns = JsonFields.readStrings(json, "columns");
      transformer.quantiles = JsonFields.readMatrix(json, "quantiles");
      transformer.references = linspace(transformer.quantiles[0].length);
    }
    return transformer;
  }
}
