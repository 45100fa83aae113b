package dev.lamina.data.preprocessing;

import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.ColumnMapping;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a named elementwise function to every column, as scikit-learn's FunctionTransformer with
 * a NumPy function: {@link #log}, {@link #log1p}, {@link #sqrt} or {@link #power}. Only named
 * functions, so that the fitted step is data a model file can carry. A value outside the function's
 * domain is an error naming the column, the value and the row, never a silent NaN; missing values
 * stay missing.
 */
public final class FunctionTransformer implements Transformer {
  private static final String NAME = "FunctionTransformer";

  /** The functions on offer. */
  public enum Function {
    LOG,
    LOG1P,
    SQRT,
    POWER
  }

  private final Function function;
  private final double exponent;
  private List<String> columns;

  private FunctionTransformer(Function function, double exponent) {
    if (!Double.isFinite(exponent)) {
      throw new IllegalArgumentException(NAME + ": the exponent must be finite, got " + exponent);
    }
    this.function = function;
    this.exponent = exponent;
  }

  /** The natural logarithm; needs values above 0. */
  public static FunctionTransformer log() {
    return new FunctionTransformer(Function.LOG, 1);
  }

  /** {@code log(1 + x)}; needs values above -1, so it takes zeros and counts. */
  public static FunctionTransformer log1p() {
    return new FunctionTransformer(Function.LOG1P, 1);
  }

  /** The square root; needs values of at least 0. */
  public static FunctionTransformer sqrt() {
    return new FunctionTransformer(Function.SQRT, 1);
  }

  /** {@code x^exponent}; a negative value needs an integral exponent, 0 a non-negative one. */
  public static FunctionTransformer power(double exponent) {
    return new FunctionTransformer(Function.POWER, exponent);
  }

  /** Records the columns (nothing is learnt) so that transform can check the table. */
  @Override
  public FunctionTransformer fit(Table table) {
    AffineColumns.numericInputs(NAME, table);
    columns = table.columnNames();
    return this;
  }

  @Override
  public Table transform(Table table) {
    return ColumnMapping.apply(
        NAME,
        FittedColumns.require(columns, NAME),
        table,
        (c, name, value, row) -> apply(value, name, row));
  }

  private double apply(double value, String column, int row) {
    if (Double.isNaN(value)) {
      return value;
    }
    return switch (function) {
      case LOG ->
          value > 0
              ? Math.log(value)
              : outOfDomain(
                  value, column, row, "needs values above 0 (log1p takes values above -1)");
      case LOG1P ->
          value > -1 ? Math.log1p(value) : outOfDomain(value, column, row, "needs values above -1");
      case SQRT ->
          value >= 0
              ? Math.sqrt(value)
              : outOfDomain(value, column, row, "needs values of at least 0");
      case POWER -> power(value, column, row);
    };
  }

  private double power(double value, String column, int row) {
    if (value < 0 && exponent != Math.rint(exponent)) {
      return outOfDomain(
          value, column, row, "needs values of at least 0 for a fractional " + "exponent");
    }
    if (value == 0 && exponent < 0) {
      return outOfDomain(value, column, row, "cannot raise 0 to a negative exponent");
    }
    return Math.pow(value, exponent);
  }

  private double outOfDomain(double value, String column, int row, String rule) {
    throw new IllegalArgumentException(
        NAME
            + "("
            + describe()
            + "): column '"
            + column
            + "' has the value "
            + value
            + " at row "
            + row
            + "; "
            + describe()
            + " "
            + rule);
  }

  private String describe() {
    String name = function.name().toLowerCase(Locale.ROOT);
    return function == Function.POWER ? name + " " + exponent : name;
  }

  @Override
  public boolean isFitted() {
    return columns != null;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("function", function.name().toLowerCase(Locale.ROOT));
    json.put("exponent", exponent);
    if (columns != null) {
      json.put("columns", JsonFields.strings(columns));
    }
    return json;
  }

  public static FunctionTransformer fromJson(Map<String, ?> json) {
    String name = JsonFields.text(json, "function");
    Function function;
    try {
      function = Function.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TransformerJson: FunctionTransformer has the unknown "
              + "function '"
              + name
              + "'; expected one of log, log1p, sqrt, power",
          e);
    }
    FunctionTransformer transformer =
        new FunctionTransformer(function, JsonFields.number(json, "exponent", 1));
    if (json.containsKey("columns")) {
      transformer.columns = JsonFields.readStrings(json, "columns");
    }
    return transformer;
  }
}
