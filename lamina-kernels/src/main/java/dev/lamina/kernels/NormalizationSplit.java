package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import jdk.incubator.vector.FloatVector;

/**
 * Batch normalization's elementwise passes over a large batch, split over the kernel threads by
 * rows; each element is computed alone, so the results have the same bits for any number of parts.
 * On one thread they took a tenth of W3's main thread while the other core waited (256×512, Zen 5:
 * forward 22 → 11 µs, backward 20 → 10 µs). The column sums stay on one thread: split by columns
 * they got slower (8.5 → 11.9 µs, 9.7 → 14.7 µs), and split by rows their sums would depend on the
 * thread count.
 */
final class NormalizationSplit extends VectorRangeSplit {
  /** The kernels split here, each calling its own loop. */
  private enum Op {
    FORWARD,
    BACKWARD
  }

  private static final ThreadLocal<NormalizationSplit> PER_THREAD =
      ThreadLocal.withInitial(NormalizationSplit::new);

  private Op op;
  private int rows;
  private int cols;
  private float[] a;
  private float[] b;
  private float[] column0;
  private float[] column1;
  private float[] column2;
  private float[] column3;
  private float[] out;
  private float[] out2;

  private NormalizationSplit() {}

  /** As {@link Kernels#batchNormForward}. */
  static void forward(
      float[] a,
      int rows,
      int cols,
      float[] mean,
      float[] inverseStd,
      float[] gamma,
      float[] beta,
      float[] normalized,
      float[] out) {
    if (!splits(rows, cols)) {
      VectorNormalization.batchNormForward(
          a, 0, rows, cols, mean, inverseStd, gamma, beta, normalized, out);
      return;
    }
    NormalizationSplit s = PER_THREAD.get();
    s.set(Op.FORWARD, rows, cols, a, null, normalized, out);
    s.column0 = mean;
    s.column1 = inverseStd;
    s.column2 = gamma;
    s.column3 = beta;
    s.run(rows, parts(rows));
  }

  /** As {@link Kernels#batchNormBackward}. */
  static void backward(
      float[] grad,
      float[] normalized,
      int rows,
      int cols,
      float[] factor,
      float[] sumGrad,
      float[] sumGradNormalized,
      float[] out) {
    if (!splits(rows, cols)) {
      VectorNormalization.batchNormBackward(
          grad, normalized, rows, cols, factor, sumGrad, sumGradNormalized, out, 0, rows);
      return;
    }
    NormalizationSplit s = PER_THREAD.get();
    s.set(Op.BACKWARD, rows, cols, grad, normalized, out, null);
    s.column0 = factor;
    s.column1 = sumGrad;
    s.column2 = sumGradNormalized;
    s.run(rows, parts(rows));
  }

  /** Whether a rows×cols pass is worth splitting by rows. */
  private static boolean splits(int rows, int cols) {
    return (long) rows * cols >= PARALLEL_MIN && parts(rows) > 1;
  }

  /** Parts of at least one whole vector of rows each, at most one per thread. */
  private static int parts(int rows) {
    return Math.min(KernelThreads.count(), rows / FloatVector.SPECIES_PREFERRED.length());
  }

  private void set(Op op, int rows, int cols, float[] a, float[] b, float[] out, float[] out2) {
    this.op = op;
    this.rows = rows;
    this.cols = cols;
    this.a = a;
    this.b = b;
    this.out = out;
    this.out2 = out2;
  }

  @Override
  void runRange(int from, int to) {
    switch (op) {
      case FORWARD ->
          VectorNormalization.batchNormForward(
              a, from, to, cols, column0, column1, column2, column3, out, out2);
      case BACKWARD ->
          VectorNormalization.batchNormBackward(
              a, b, rows, cols, column0, column1, column2, out, from, to);
    }
  }

  @Override
  void release() {
    a = null;
    b = null;
    column0 = null;
    column1 = null;
    column2 = null;
    column3 = null;
    out = null;
    out2 = null;
  }
}
