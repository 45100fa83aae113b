package dev.lamina;

import java.util.Arrays;

/** Row-level helpers for the training loop: gathering shuffled batches and checking data. */
final class Rows {
  private Rows() {}

  /** Rows {@code order[from..to)} of t, stacked in that order. */
  static Tensor gather(Tensor t, int[] order, int from, int to) {
    int width = (int) (t.size() / Math.max(1, t.shape()[0]));
    int[] shape = t.shape();
    shape[0] = to - from;
    if (t.floats != null) {
      float[] out = new float[(to - from) * width];
      for (int r = from; r < to; r++) {
        System.arraycopy(t.floats, order[r] * width, out, (r - from) * width, width);
      }
      return Storage.raw(shape, out);
    }
    double[] out = new double[(to - from) * width];
    for (int r = from; r < to; r++) {
      System.arraycopy(t.doubles, order[r] * width, out, (r - from) * width, width);
    }
    return Storage.raw(shape, out);
  }

  /** The first {@code rows} rows ({@code from = 0}) or the rows from {@code from} to the end. */
  static Tensor range(Tensor t, int from, int to) {
    return t.slice(0, from, to);
  }

  /** Throws naming the row and column of the first NaN or infinite value. */
  static void requireFinite(String operation, String what, Tensor t) {
    float[] values = t.floats != null ? t.floats : t.toFloatArray();
    int width = (int) (t.size() / Math.max(1, t.shape()[0]));
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            operation
                + ": "
                + what
                + " holds "
                + values[i]
                + " at row "
                + (i / width)
                + (width > 1 ? ", column " + (i % width) : "")
                + "; impute or drop missing values before training");
      }
    }
  }

  static void requireSameRows(String operation, Tensor x, Tensor y, String yName) {
    if (x.rank() == 0 || y.rank() == 0 || x.shape()[0] != y.shape()[0]) {
      throw new ShapeMismatchException(
          operation
              + ": x has shape "
              + Arrays.toString(x.shape())
              + " but "
              + yName
              + " has shape "
              + Arrays.toString(y.shape())
              + "; they need the same number of rows");
    }
  }

  /** The values of a float32 tensor without copying (the training loop never writes them). */
  static float[] floats(Tensor t) {
    return t.floats != null ? t.floats : t.toFloatArray();
  }

  /** A float32 parameter's backing array, which distributed training writes in place. */
  static float[] backing(Tensor t) {
    if (t.floats == null) {
      throw new IllegalStateException(
          "distributed training needs float32 weights, got " + t.dtype());
    }
    return t.floats;
  }
}
