package dev.lamina.kernels;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch normalization's column kernels on the Vector API; the elementwise passes over a range of
 * rows that {@link NormalizationSplit} hands each thread. Lanes run across columns, so every column
 * still sums its rows in order and the results equal the plain reference exactly; the columns past
 * the last whole vector are finished in plain Java.
 */
final class VectorNormalization {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private VectorNormalization() {}

  static void sumSquaredDeviations(float[] a, int rows, int cols, float[] center, float[] out) {
    Arrays.fill(out, 0, cols, 0f);
    int bound = S.loopBound(cols);
    for (int r = 0, base = 0; r < rows; r++, base += cols) {
      int j = 0;
      for (; j < bound; j += S.length()) {
        FloatVector d =
            FloatVector.fromArray(S, a, base + j).sub(FloatVector.fromArray(S, center, j));
        FloatVector.fromArray(S, out, j).add(d.mul(d)).intoArray(out, j);
      }
      for (; j < cols; j++) {
        float d = a[base + j] - center[j];
        out[j] += d * d;
      }
    }
  }

  static void sumColumnProducts(float[] a, float[] b, int rows, int cols, float[] out) {
    Arrays.fill(out, 0, cols, 0f);
    int bound = S.loopBound(cols);
    for (int r = 0, base = 0; r < rows; r++, base += cols) {
      int j = 0;
      for (; j < bound; j += S.length()) {
        FloatVector product =
            FloatVector.fromArray(S, a, base + j).mul(FloatVector.fromArray(S, b, base + j));
        FloatVector.fromArray(S, out, j).add(product).intoArray(out, j);
      }
      for (; j < cols; j++) {
        out[j] += a[base + j] * b[base + j];
      }
    }
  }

  /** Rows [from, to) of {@link Kernels#batchNormForward}. */
  static void batchNormForward(
      float[] a,
      int from,
      int to,
      int cols,
      float[] mean,
      float[] inverseStd,
      float[] gamma,
      float[] beta,
      float[] normalized,
      float[] out) {
    int bound = S.loopBound(cols);
    for (int r = from, base = from * cols; r < to; r++, base += cols) {
      int j = 0;
      for (; j < bound; j += S.length()) {
        FloatVector x =
            FloatVector.fromArray(S, a, base + j)
                .sub(FloatVector.fromArray(S, mean, j))
                .mul(FloatVector.fromArray(S, inverseStd, j));
        x.intoArray(normalized, base + j);
        x.mul(FloatVector.fromArray(S, gamma, j))
            .add(FloatVector.fromArray(S, beta, j))
            .intoArray(out, base + j);
      }
      for (; j < cols; j++) {
        float x = (a[base + j] - mean[j]) * inverseStd[j];
        normalized[base + j] = x;
        out[base + j] = x * gamma[j] + beta[j];
      }
    }
  }

  /** Rows [from, to) of {@link Kernels#batchNormBackward} over {@code rows} rows. */
  static void batchNormBackward(
      float[] grad,
      float[] normalized,
      int rows,
      int cols,
      float[] factor,
      float[] sumGrad,
      float[] sumGradNormalized,
      float[] out,
      int from,
      int to) {
    float n = rows;
    int bound = S.loopBound(cols);
    for (int r = from, base = from * cols; r < to; r++, base += cols) {
      int j = 0;
      for (; j < bound; j += S.length()) {
        FloatVector.fromArray(S, grad, base + j)
            .mul(n)
            .sub(FloatVector.fromArray(S, sumGrad, j))
            .sub(
                FloatVector.fromArray(S, normalized, base + j)
                    .mul(FloatVector.fromArray(S, sumGradNormalized, j)))
            .mul(FloatVector.fromArray(S, factor, j))
            .intoArray(out, base + j);
      }
      for (; j < cols; j++) {
        out[base + j] =
            factor[j]
                * (grad[base + j] * n - sumGrad[j] - normalized[base + j] * sumGradNormalized[j]);
      }
    }
  }
}
