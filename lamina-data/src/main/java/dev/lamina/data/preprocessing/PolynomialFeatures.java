package dev.lamina.data.preprocessing;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Products of the columns up to a degree, as scikit-learn's PolynomialFeatures: the bias column
 * {@code 1}, then every combination of columns with repetition (only distinct columns when {@code
 * interactionOnly}) by degree, in itertools' order. Outputs are named as scikit-learn names them,
 * with the column names: {@code a}, {@code a^2}, {@code a b}. A missing input makes the products
 * that use it missing.
 */
public final class PolynomialFeatures implements Transformer {
  private static final String NAME = "PolynomialFeatures";

  private final int degree;
  private final boolean interactionOnly;
  private final boolean includeBias;
  private List<String> columns;

  /** Degree 2 with the bias column, scikit-learn's default. */
  public PolynomialFeatures() {
    this(2, false, true);
  }

  public PolynomialFeatures(int degree, boolean interactionOnly, boolean includeBias) {
    if (degree < 0) {
      throw new IllegalArgumentException(NAME + ": degree must be >= 0, got " + degree);
    }
    this.degree = degree;
    this.interactionOnly = interactionOnly;
    this.includeBias = includeBias;
  }

  @Override
  public PolynomialFeatures fit(Table table) {
    AffineColumns.numericInputs(NAME, table);
    columns = table.columnNames();
    return this;
  }

  @Override
  public Table transform(Table table) {
    List<Column> inputs = FittedColumns.match(NAME, FittedColumns.require(columns, NAME), table);
    int rows = table.rowCount();
    List<Column> outputs = new ArrayList<>();
    for (int[] combination : combinations()) {
      double[] product = new double[rows];
      Arrays.fill(product, 1.0);
      for (int index : combination) {
        double[] values = FittedColumns.numeric(NAME, inputs.get(index)).toArray();
        for (int row = 0; row < rows; row++) {
          product[row] *= values[row];
        }
      }
      outputs.add(NumericColumn.of(name(combination), product));
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** The output feature names, in output order. */
  public List<String> featureNames() {
    FittedColumns.require(columns, NAME);
    List<String> names = new ArrayList<>();
    for (int[] combination : combinations()) {
      names.add(name(combination));
    }
    return names;
  }

  /** Column indices per output, non-decreasing (strictly increasing when interaction only). */
  private List<int[]> combinations() {
    List<int[]> all = new ArrayList<>();
    for (int size = includeBias ? 0 : 1; size <= degree; size++) {
      addCombinations(all, new int[size], 0, 0);
    }
    return all;
  }

  private void addCombinations(List<int[]> all, int[] current, int position, int from) {
    if (position == current.length) {
      all.add(current.clone());
      return;
    }
    for (int index = from; index < columns.size(); index++) {
      current[position] = index;
      addCombinations(all, current, position + 1, interactionOnly ? index + 1 : index);
    }
  }

  private String name(int[] combination) {
    if (combination.length == 0) {
      return "1";
    }
    List<String> factors = new ArrayList<>();
    for (int i = 0; i < combination.length; ) {
      int end = i;
      while (end < combination.length && combination[end] == combination[i]) {
        end++;
      }
      String column = columns.get(combination[i]);
      factors.add(end - i == 1 ? column : column + "^" + (end - i));
      i = end;
    }
    return String.join(" ", factors);
  }

  @Override
  public boolean isFitted() {
    return columns != null;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("degree", degree);
    json.put("interactionOnly", interactionOnly);
    json.put("includeBias", includeBias);
    if (columns != null) {
      json.put("columns", JsonFields.strings(columns));
    }
    return json;
  }

  public static PolynomialFeatures fromJson(Map<String, ?> json) {
    PolynomialFeatures features =
        new PolynomialFeatures(
            JsonFields.integer(json, "degree"),
            JsonFields.flag(json, "interactionOnly", false),
            JsonFields.flag(json, "includeBias", true));
    if (json.containsKey("columns")) {
      features.columns = JsonFields.readStrings(json, "columns");
    }
    return features;
  }
}
