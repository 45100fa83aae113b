package dev.lamina.data.preprocessing;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.AffineColumns;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.MissingValues;
import dev.lamina.data.fitting.Percentiles;
import dev.lamina.data.numerics.Matrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts each column into bins, as scikit-learn's KBinsDiscretizer: equal-width bins between the
 * minimum and maximum ({@link Strategy#UNIFORM}) or bins holding equal shares of the rows ({@link
 * Strategy#QUANTILE}, edges at linearly interpolated percentiles; bins narrower than 1e-8 are
 * merged away, and a constant column gets one bin, whose edges are its value twice where
 * scikit-learn writes -inf and inf). The output is the bin number ({@link Encoding#ORDINAL}) or one
 * 0/1 column per bin named as scikit-learn names it, {@code column_0.0}, {@code column_1.0}, …
 * ({@link Encoding#ONEHOT_DENSE}). A value beyond the fitted range falls into the first or last
 * bin. Missing values are an error, as in scikit-learn.
 */
public final class KBinsDiscretizer implements Transformer {
  private static final String NAME = "KBinsDiscretizer";
  private static final double NARROWEST_BIN = 1e-8;

  /** Where the bin edges go. */
  public enum Strategy {
    UNIFORM,
    QUANTILE
  }

  /** What transform returns. */
  public enum Encoding {
    ORDINAL,
    ONEHOT_DENSE
  }

  private final int nBins;
  private final Strategy strategy;
  private final Encoding encoding;
  private List<String> columns;
  private double[][] binEdges;

  public KBinsDiscretizer(int nBins, Strategy strategy, Encoding encoding) {
    if (nBins < 2) {
      throw new IllegalArgumentException(NAME + ": nBins must be at least 2, got " + nBins);
    }
    this.nBins = nBins;
    this.strategy = strategy;
    this.encoding = encoding;
  }

  @Override
  public KBinsDiscretizer fit(Table table) {
    List<NumericColumn> inputs = AffineColumns.numericInputs(NAME, table);
    double[][] edges = new double[inputs.size()][];
    for (int c = 0; c < inputs.size(); c++) {
      double[] sorted = Percentiles.sortedPresent(NAME, inputs.get(c));
      MissingValues.requireNone(NAME + ".fit", inputs.get(c));
      double min = sorted[0];
      double max = sorted[sorted.length - 1];
      if (min == max) {
        edges[c] = new double[] {min, max};
      } else if (strategy == Strategy.UNIFORM) {
        edges[c] = uniformEdges(min, max);
      } else {
        edges[c] = quantileEdges(sorted);
      }
    }
    columns = table.columnNames();
    binEdges = edges;
    return this;
  }

  /** {@code numpy.linspace(min, max, nBins + 1)}. */
  private double[] uniformEdges(double min, double max) {
    double[] edges = new double[nBins + 1];
    double step = (max - min) / nBins;
    for (int i = 0; i <= nBins; i++) {
      edges[i] = i * step + min;
    }
    edges[nBins] = max;
    return edges;
  }

  private double[] quantileEdges(double[] sorted) {
    double step = 100.0 / nBins;
    double[] edges = new double[nBins + 1];
    for (int i = 0; i <= nBins; i++) {
      edges[i] = Percentiles.of(sorted, i == nBins ? 100 : i * step);
    }
    double[] kept = new double[nBins + 1];
    int count = 0;
    for (int i = 0; i <= nBins; i++) {
      // as numpy.ediff1d: each edge is compared with its neighbour, kept or not
      if (i == 0 || edges[i] - edges[i - 1] > NARROWEST_BIN) {
        kept[count++] = edges[i];
      }
    }
    return Arrays.copyOf(kept, count);
  }

  @Override
  public Table transform(Table table) {
    List<Column> inputs = FittedColumns.match(NAME, FittedColumns.require(columns, NAME), table);
    List<Column> outputs = new ArrayList<>();
    for (int c = 0; c < inputs.size(); c++) {
      NumericColumn input = FittedColumns.numeric(NAME, inputs.get(c));
      MissingValues.requireNone(NAME + ".transform", input);
      int bins = binEdges[c].length - 1;
      double[] ordinal = new double[input.size()];
      double[][] indicators = new double[encoding == Encoding.ORDINAL ? 0 : bins][input.size()];
      for (int row = 0; row < input.size(); row++) {
        int bin = binOf(input.get(row), binEdges[c]);
        ordinal[row] = bin;
        if (encoding == Encoding.ONEHOT_DENSE) {
          indicators[bin][row] = 1;
        }
      }
      if (encoding == Encoding.ORDINAL) {
        outputs.add(NumericColumn.of(columns.get(c), ordinal));
      } else {
        for (int bin = 0; bin < bins; bin++) {
          outputs.add(NumericColumn.of(columns.get(c) + "_" + bin + ".0", indicators[bin]));
        }
      }
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** {@code numpy.searchsorted(edges[1:-1], value, side="right")}. */
  private static int binOf(double value, double[] edges) {
    int bin = 0;
    while (bin < edges.length - 2 && edges[bin + 1] <= value) {
      bin++;
    }
    return bin;
  }

  @Override
  public boolean isFitted() {
    return binEdges != null;
  }

  /** The learnt edges per column, from the minimum to the maximum. */
  public double[][] binEdges() {
    return Matrices.copy(FittedColumns.require(binEdges, NAME));
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("nBins", nBins);
    json.put("strategy", strategy.name().toLowerCase(Locale.ROOT));
    json.put("encode", encoding.name().toLowerCase(Locale.ROOT));
    if (binEdges != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("binEdges", JsonFields.matrix(binEdges));
    }
    return json;
  }

  public static KBinsDiscretizer fromJson(Map<String, ?> json) {
    KBinsDiscretizer discretizer =
        new KBinsDiscretizer(
            JsonFields.integer(json, "nBins"),
            Strategy.valueOf(
                JsonFields.text(json, "strategy", "quantile").toUpperCase(Locale.ROOT)),
            Encoding.valueOf(JsonFields.text(json, "encode", "ordinal").toUpperCase(Locale.ROOT)));
    if (json.containsKey("columns")) {
      discretizer.columns = JsonFields.readStrings(json, "columns");
      discretizer.binEdges = JsonFields.readMatrix(json, "binEdges");
    }
    return discretizer;
  }
}
