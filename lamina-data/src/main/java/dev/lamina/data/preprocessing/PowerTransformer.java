package dev.lamina.data.preprocessing;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.StandardScaler;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.ColumnMapping;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.numerics.BrentMinimizer;
import dev.lamina.data.numerics.PairwiseSum;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Makes each column more Gaussian with the Yeo-Johnson transform, as scikit-learn's
 * PowerTransformer: the exponent lambda of each column maximizes the Gaussian log-likelihood of the
 * transformed present values (Brent's method from the bracket (-2, 2), as scipy), and by default
 * the output is then standardized. Missing values stay missing.
 */
public final class PowerTransformer implements Transformer {
  private static final String NAME = "PowerTransformer";
  private static final double EPSILON = Math.ulp(1.0);

  private final boolean standardize;
  private List<String> columns;
  private double[] lambdas;
  private StandardScaler scaler;

  /** Yeo-Johnson with standardized output, scikit-learn's default. */
  public PowerTransformer() {
    this(true);
  }

  public PowerTransformer(boolean standardize) {
    this.standardize = standardize;
  }

  @Override
  public PowerTransformer fit(Table table) {
    fitTransform(table);
    return this;
  }

  @Override
  public Table fitTransform(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[] newLambdas = new double[inputs.size()];
    for (int c = 0; c < inputs.size(); c++) {
      double[] present = present(inputs.get(c));
      newLambdas[c] =
          BrentMinimizer.minimize(
              lambda -> negativeLogLikelihood(present, lambda),
              -2,
              2,
              NAME + ".fit (column '" + inputs.get(c).name() + "')");
    }
    columns = table.columnNames();
    lambdas = newLambdas;
    Table transformed = yeoJohnson(table);
    scaler = standardize ? new StandardScaler() : null;
    return standardize ? scaler.fitTransform(transformed) : transformed;
  }

  @Override
  public Table transform(Table table) {
    FittedColumns.require(lambdas, NAME);
    Table transformed = yeoJohnson(table);
    return standardize ? scaler.transform(transformed) : transformed;
  }

  private Table yeoJohnson(Table table) {
    return ColumnMapping.apply(
        NAME, columns, table, (c, name, value, row) -> yeoJohnson(value, lambdas[c]));
  }

  static double yeoJohnson(double x, double lambda) {
    if (x >= 0) {
      return Math.abs(lambda) < EPSILON ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
    }
    if (Math.abs(lambda - 2) > EPSILON) {
      return -(Math.pow(-x + 1, 2 - lambda) - 1) / (2 - lambda);
    }
    return Double.isNaN(x) ? x : -Math.log1p(-x);
  }

  /** As scikit-learn's, with NumPy's summation order, for the same path through Brent's steps. */
  private static double negativeLogLikelihood(double[] values, double lambda) {
    double[] transformed = new double[values.length];
    double[] logTerms = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      transformed[i] = yeoJohnson(values[i], lambda);
      logTerms[i] = Math.signum(values[i]) * Math.log1p(Math.abs(values[i]));
    }
    double variance = PairwiseSum.variance(transformed);
    if (variance < Double.MIN_NORMAL) {
      return Double.POSITIVE_INFINITY;
    }
    double logLikelihood =
        -values.length / 2.0 * Math.log(variance) + (lambda - 1) * PairwiseSum.of(logTerms);
    return -logLikelihood;
  }

  /** The present values in row order. */
  private static double[] present(NumericColumn column) {
    FittedColumns.requirePresent(NAME, column);
    return Arrays.stream(column.toArray()).filter(value -> !Double.isNaN(value)).toArray();
  }

  @Override
  public boolean isFitted() {
    return lambdas != null;
  }

  /** The learnt Yeo-Johnson exponent per column. */
  public double[] lambdas() {
    return FittedColumns.require(lambdas, NAME).clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("method", "yeo-johnson");
    json.put("standardize", standardize);
    if (lambdas != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("lambdas", JsonFields.doubles(lambdas));
      if (standardize) {
        json.put("scaler", scaler.toJson());
      }
    }
    return json;
  }

  public static PowerTransformer fromJson(Map<String, ?> json) {
    PowerTransformer transformer = new PowerTransformer(JsonFields.flag(json, "standardize", true));
    if (json.containsKey("columns")) {
      transformer.columns = JsonFields.readStrings(json, "columns");
      transformer.lambdas = JsonFields.readDoubles(json, "lambdas");
      if (transformer.standardize) {
        transformer.scaler =
            StandardScaler.fromJson(
                JsonFields.object(JsonFields.required(json, "scaler"), "scaler"));
      }
    }
    return transformer;
  }
}
