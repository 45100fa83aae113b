package dev.lamina;

import java.util.Map;

/** Per-row loss weights from FitOptions: given directly, or derived from class weights. */
final class SampleWeights {
  private SampleWeights() {}

  /** The weights for the rows of y, or null for all ones. */
  static Tensor resolve(FitOptions options, Tensor y) {
    Tensor given = options.sampleWeights();
    Map<Integer, Double> classWeight = options.classWeights();
    int rows = y.shape()[0];
    if (given != null && classWeight != null) {
      throw new IllegalArgumentException("fit: give sampleWeight or classWeight, not both");
    }
    if (given != null) {
      if (given.size() != rows) {
        throw new ShapeMismatchException(
            "fit: sampleWeight has " + given.size() + " values for " + rows + " rows");
      }
      Rows.requireFinite("fit", "sampleWeight", given.reshape(rows, 1));
      return given.reshape(rows);
    }
    if (classWeight == null) {
      return null;
    }
    float[] labels = Rows.floats(y);
    int width = (int) (y.size() / Math.max(1, rows));
    float[] weights = new float[rows];
    for (int r = 0; r < rows; r++) {
      int label = width == 1 ? Math.round(labels[r]) : argmax(labels, r * width, width);
      weights[r] = classWeight.getOrDefault(label, 1.0).floatValue();
    }
    return Tensor.of(weights, rows);
  }

  private static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int j = 1; j < length; j++) {
      if (values[offset + j] > values[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
