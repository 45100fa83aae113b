package dev.lamina.data.decomposition;

import dev.lamina.data.Column;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.data.Transformer;
import dev.lamina.data.fitting.FittedColumns;
import dev.lamina.data.fitting.JsonFields;
import dev.lamina.data.fitting.MissingValues;
import dev.lamina.data.numerics.Matrices;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Principal component analysis, as scikit-learn's PCA: centers the columns and projects them on the
 * directions of largest variance, output columns {@code pca0}, {@code pca1}, …. The number of
 * components is a count, a share of the variance to explain (0 &lt; share &lt; 1: the fewest
 * components whose explained-variance ratios add up to more than it), or all. The full solver
 * diagonalizes the Gram matrix XᵀX in double precision; the randomized one (a count only, for wide
 * data) finds the leading axes with random projections. Components carry scikit-learn's signs
 * (svd_flip: each component's largest-magnitude score is positive); with {@code whiten} the outputs
 * are divided by the square root of their variance. The input must be complete.
 */
public final class PCA implements Transformer {
  private static final String NAME = "PCA";

  private final int count;
  private final double share;
  private final boolean whiten;
  private final boolean randomized;
  private final long seed;
  private List<String> columns;
  private PrincipalAxes axes;

  private PCA(int count, double share, boolean whiten, boolean randomized, long seed) {
    this.count = count;
    this.share = share;
    this.whiten = whiten;
    this.randomized = randomized;
    this.seed = seed;
  }

  /** Keeps every component: min(rows, columns). */
  public PCA() {
    this(0, 0, false, false, 0);
  }

  /** Keeps {@code nComponents} components. */
  public PCA(int nComponents) {
    this(nComponents, 0, false, false, 0);
    if (nComponents < 1) {
      throw new IllegalArgumentException(
          NAME + ": nComponents must be at least 1, got " + nComponents);
    }
  }

  /** Keeps the fewest components that explain more than {@code share} of the variance. */
  public static PCA ofVarianceShare(double share) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException(
          NAME + ": the variance share must lie strictly between " + "0 and 1, got " + share);
    }
    return new PCA(0, share, false, false, 0);
  }

  /** The same options with outputs of unit variance (or not). */
  public PCA withWhiten(boolean newWhiten) {
    return new PCA(count, share, newWhiten, randomized, seed);
  }

  /** The same options with the randomized solver; needs a count of components. */
  public PCA withRandomizedSolver(long newSeed) {
    if (count == 0) {
      throw new IllegalArgumentException(
          NAME
              + ": the randomized solver needs nComponents as "
              + "a count"
              + (share > 0 ? ", not the variance share " + share : ""));
    }
    return new PCA(count, share, whiten, true, newSeed);
  }

  @Override
  public PCA fit(Table table) {
    double[][] data = completeColumns(table, "fit");
    int rows = table.rowCount();
    int limit = Math.min(rows, data.length);
    if (count > limit) {
      throw new IllegalArgumentException(
          NAME
              + ".fit: nComponents = "
              + count
              + " but the "
              + "table has "
              + data.length
              + " columns and "
              + rows
              + " rows; at most min(rows, "
              + "columns) = "
              + limit);
    }
    if (rows < 2) {
      throw new IllegalArgumentException(NAME + ".fit: needs at least 2 rows, got " + rows);
    }
    PrincipalAxes all =
        randomized
            ? PrincipalAxes.randomized(data, rows, count, seed)
            : PrincipalAxes.full(data, rows);
    PrincipalAxes kept = all.firstWithSigns(componentCount(all, limit), data, rows);
    if (whiten) {
      requireVariance(kept);
    }
    axes = kept;
    columns = table.columnNames();
    return this;
  }

  /**
   * Whitening divides by each component's standard deviation, which must exceed rounding (1e-12 of
   * the largest variance) lest the output be blown up or NaN.
   */
  private static void requireVariance(PrincipalAxes kept) {
    double[] variance = kept.explainedVariance();
    for (int i = 0; i < kept.components().length; i++) {
      if (!(variance[i] > 1e-12 * variance[0])) {
        throw new IllegalArgumentException(
            NAME
                + ".fit: component "
                + i
                + " has no variance "
                + "(the columns are linearly dependent), so whitening would divide by 0; keep at "
                + "most "
                + i
                + " components");
      }
    }
  }

  private int componentCount(PrincipalAxes all, int limit) {
    if (count > 0) {
      return count;
    }
    if (share == 0) {
      return limit;
    }
    double cumulative = 0;
    double[] variance = all.explainedVariance();
    for (int i = 0; i < variance.length; i++) {
      cumulative += variance[i] / all.totalVariance();
      if (cumulative > share) {
        return i + 1;
      }
    }
    return variance.length;
  }

  private double[][] completeColumns(Table table, String operation) {
    double[][] data = new double[table.columnCount()][];
    for (int f = 0; f < data.length; f++) {
      NumericColumn column = FittedColumns.numeric(NAME, table.columns().get(f));
      FittedColumns.requirePresent(NAME, column);
      MissingValues.requireNone(NAME + "." + operation, column);
      data[f] = column.toArray();
    }
    return data;
  }

  @Override
  public Table transform(Table table) {
    FittedColumns.match(NAME, FittedColumns.require(columns, NAME), table);
    double[][] data = completeColumns(table.select(columns), "transform");
    double[][] components = axes.components();
    List<Column> outputs = new ArrayList<>(components.length);
    for (int i = 0; i < components.length; i++) {
      double[] scores = new double[table.rowCount()];
      for (int f = 0; f < data.length; f++) {
        double weight = components[i][f];
        double center = axes.mean()[f];
        for (int row = 0; row < scores.length; row++) {
          scores[row] += (data[f][row] - center) * weight;
        }
      }
      if (whiten) {
        double scale = Math.sqrt(axes.explainedVariance()[i]);
        for (int row = 0; row < scores.length; row++) {
          scores[row] /= scale;
        }
      }
      outputs.add(NumericColumn.of("pca" + i, scores));
    }
    return Table.of(outputs).withSource(table.source());
  }

  /** Maps component scores (columns {@code pca0}…) back to the original columns. */
  public Table inverseTransform(Table scores) {
    FittedColumns.require(columns, NAME);
    double[][] components = axes.components();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      names.add("pca" + i);
    }
    double[][] data = completeColumns(scores.select(names), "inverseTransform");
    List<Column> outputs = new ArrayList<>(columns.size());
    for (int f = 0; f < columns.size(); f++) {
      double[] values = new double[scores.rowCount()];
      for (int i = 0; i < components.length; i++) {
        double weight = components[i][f] * (whiten ? Math.sqrt(axes.explainedVariance()[i]) : 1);
        for (int row = 0; row < values.length; row++) {
          values[row] += data[i][row] * weight;
        }
      }
      for (int row = 0; row < values.length; row++) {
        values[row] += axes.mean()[f];
      }
      outputs.add(NumericColumn.of(columns.get(f), values));
    }
    return Table.of(outputs).withSource(scores.source());
  }

  @Override
  public boolean isFitted() {
    return axes != null;
  }

  public int nComponents() {
    return FittedColumns.require(axes, NAME).components().length;
  }

  /** The principal axes, one row per component, largest variance first. */
  public double[][] components() {
    return Matrices.copy(FittedColumns.require(axes, NAME).components());
  }

  public double[] mean() {
    return FittedColumns.require(axes, NAME).mean().clone();
  }

  /** The variance (ddof 1) along each kept component. */
  public double[] explainedVariance() {
    return Arrays.copyOf(FittedColumns.require(axes, NAME).explainedVariance(), nComponents());
  }

  /** Each kept component's share of the total variance. */
  public double[] explainedVarianceRatio() {
    double[] ratio = explainedVariance();
    for (int i = 0; i < ratio.length; i++) {
      ratio[i] /= axes.totalVariance();
    }
    return ratio;
  }

  public double[] singularValues() {
    return Arrays.copyOf(FittedColumns.require(axes, NAME).singularValues(), nComponents());
  }

  /** The mean variance of the dropped components (0 when none is dropped), as scikit-learn. */
  public double noiseVariance() {
    double[] all = FittedColumns.require(axes, NAME).explainedVariance();
    int kept = nComponents();
    if (kept >= all.length) {
      return 0;
    }
    double sum = 0;
    for (int i = kept; i < all.length; i++) {
      sum += all[i];
    }
    return sum / (all.length - kept);
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = JsonFields.object(NAME);
    json.put("nComponents", count);
    json.put("varianceShare", share);
    json.put("whiten", whiten);
    json.put("solver", randomized ? "randomized" : "full");
    json.put("seed", seed);
    if (axes != null) {
      json.put("columns", JsonFields.strings(columns));
      json.put("mean", JsonFields.doubles(axes.mean()));
      json.put("components", JsonFields.matrix(axes.components()));
      json.put("explainedVariance", JsonFields.doubles(axes.explainedVariance()));
      json.put("singularValues", JsonFields.doubles(axes.singularValues()));
      json.put("totalVariance", axes.totalVariance());
    }
    return json;
  }

  public static PCA fromJson(Map<String, ?> json) {
    PCA pca =
        new PCA(
            (int) JsonFields.integer(json, "nComponents", 0),
            JsonFields.number(json, "varianceShare", 0),
            JsonFields.flag(json, "whiten", false),
            "randomized".equals(JsonFields.text(json, "solver", "full")),
            JsonFields.integer(json, "seed", 0));
    if (json.containsKey("columns")) {
      pca.columns = JsonFields.readStrings(json, "columns");
      pca.axes =
          new PrincipalAxes(
              JsonFields.readDoubles(json, "mean"),
              JsonFields.readMatrix(json, "components"),
              JsonFields.readDoubles(json, "explainedVariance"),
              JsonFields.readDoubles(json, "singularValues"),
              JsonFields.number(json, "totalVariance"));
    }
    return pca;
  }
}
