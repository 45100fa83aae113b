package dev.lamina.data.selection;

import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.Percentiles;
import dev.lamina.data.numerics.PairwiseSum;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the columns whose population variance (of the present values) exceeds a threshold, as
 * scikit-learn's VarianceThreshold; with the default threshold 0 it drops constant columns, such as
 * the ionosphere data's {@code V2}. Output columns keep their names.
 */
public final class VarianceThreshold implements Transformer {
  private static final String NAME = "VarianceThreshold";

  private final double threshold;
  private List<String> columns;
  private double[] variances;
  private List<String> selected;

  /** Drops constant columns only. */
  public VarianceThreshold() {
    this(0);
  }

  public VarianceThreshold(double threshold) {
    if (!(threshold >= 0)) {
      throw new IllegalArgumentException(NAME + ": threshold must be >= 0, got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public VarianceThreshold fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[] newVariances = new double[inputs.size()];
    List<String> kept = new ArrayList<>();
    for (int c = 0; c < inputs.size(); c++) {
      double[] present = Percentiles.sortedPresent(NAME, inputs.get(c));
      newVariances[c] = PairwiseSum.variance(present);
      // a constant column can show a rounding-sized variance; its range is exactly 0
      double range = present[present.length - 1] - present[0];
      double compared = threshold == 0 ? Math.min(newVariances[c], range) : newVariances[c];
      if (compared > threshold) {
        kept.add(inputs.get(c).name());
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          NAME
              + ".fit: no column has a variance above "
              + threshold
              + " (variances of "
              + table.columnNames()
              + ")");
    }
    columns = table.columnNames();
    variances = newVariances;
    selected = List.copyOf(kept);
    return this;
  }

  @Override
  public Table transform(Table table) {
    FittedColumns.match(NAME, FittedColumns.require(columns, NAME), table);
    return table.select(selected);
  }

  @Override
  public boolean isFitted() {
    return selected != null;
  }

  /** The kept columns, in input order. */
  public List<String> selected() {
    return FittedColumns.require(selected, NAME);
  }

  /** The variance of every fitted column. */
  public double[] variances() {
    return FittedColumns.require(variances, NAME).clone();
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("threshold", threshold);
    if (selected != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("variances", JsonFields.doubles(variances));
      json.put("selected", JsonFields.strings(selected));
    }
    return json;
  }

  public static VarianceThreshold fromJson(Map<String, ?> json) {
    VarianceThreshold transformer = new VarianceThreshold(JsonFields.number(json, "threshold", 0));
    if (json.containsKey("columns")) {
      transformer.columns = JsonFields.readStrings(json, "columns");
      transformer.variances = JsonFields.readDoubles(json, "variances");
      transformer.selected = JsonFields.readStrings(json, "selected");
    }
    return transformer;
  }
}
