package dev.lamina.cli;

import dev.lamina.Sequential;
import dev.lamina.data.ColumnType;
import dev.lamina.data.NumericColumn;
import dev.lamina.data.Table;
import dev.lamina.layers.Layer;
import dev.lamina.layers.Normalization;
import java.util.ArrayList;
import java.util.List;

/**
 * A lamina-train model's numeric preprocessing (impute, then standardize) as Keras's Normalization
 * layer. The scaling is affine per column, so it is measured from the fitted preprocessing itself:
 * a row of zeros gives −mean/scale, and a one in column k moves only feature k, by 1/scale.
 */
final class PreprocessingExport {
  private PreprocessingExport() {}

  /**
   * The network behind a Normalization layer, or null when the preprocessing is not numeric only.
   */
  static Sequential asNormalization(SavedModel saved) {
    Preprocessing p = saved.preprocessing();
    List<String> names = new ArrayList<>(p.columnTypes().keySet());
    int n = names.size();
    if (n == 0
        || p.inputWidth() != n
        || p.columnTypes().values().stream().anyMatch(t -> t != ColumnType.NUMERIC)) {
      return null;
    }
    List<NumericColumn> columns = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      double[] values = new double[n + 1];
      values[c + 1] = 1; // row 0: zeros; row k: a one in column k − 1
      columns.add(NumericColumn.of(names.get(c), values));
    }
    float[][] features = p.inputs(Table.of(columns)).toArray2d();
    float[] mean = new float[n];
    float[] variance = new float[n];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        boolean moved = features[k + 1][j] != features[0][j];
        if (moved != (j == k)) {
          return null; // feature j does not follow column k alone: not a per-column scaling
        }
      }
      double step = (double) features[k + 1][k] - features[0][k];
      double scale = 1 / step;
      mean[k] = (float) (-features[0][k] * scale);
      variance[k] = (float) (scale * scale);
    }
    Normalization normalization = new Normalization().name("preprocessing");
    normalization.build(new int[] {n}, new dev.lamina.random.SeededRandom(0));
    normalization.nonTrainableWeights().get(0).assign(mean);
    normalization.nonTrainableWeights().get(1).assign(variance);
    normalization.nonTrainableWeights().get(2).assign(new float[] {0});
    Sequential exported = new Sequential(normalization).name(saved.network().name());
    for (Layer layer : saved.network().layers()) {
      exported.add(layer);
    }
    exported.build(n);
    return exported;
  }
}
