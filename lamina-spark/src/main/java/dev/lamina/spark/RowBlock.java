package dev.lamina.spark;

import dev.lamina.Tensor;
import java.io.Serializable;

/**
 * One partition's training rows as float blocks: features row-major ({@code rows × features}) and
 * targets ({@code rows × targetWidth}). Row {@code j} of partition {@code p} of {@code P} is the
 * DataFrame's row {@code j·P + p}, so every global batch of consecutive rows spreads evenly over
 * the partitions.
 */
record RowBlock(int partition, int rows, int features, float[] x, float[] y)
    implements Serializable {

  /** The rows at {@code order[from..to)} (or rows from..to when order is null) as tensors. */
  Tensor[] gather(int[] order, int from, int to) {
    int n = to - from;
    float[] xs = new float[n * features];
    float[] ys = new float[n];
    for (int i = 0; i < n; i++) {
      int row = order == null ? from + i : order[from + i];
      System.arraycopy(x, row * features, xs, i * features, features);
      ys[i] = y[row];
    }
    return new Tensor[] {Tensor.of(xs, n, features), Tensor.of(ys, n, 1)};
  }
}
