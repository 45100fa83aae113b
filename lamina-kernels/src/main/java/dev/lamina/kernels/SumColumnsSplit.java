package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Column sums of a large matrix (a bias gradient over batch × pixels rows) split over the kernel
 * threads by columns, in ranges of whole vectors. Each column is summed over the rows in order by
 * one thread, so the result has the same bits for any number of parts.
 */
final class SumColumnsSplit extends VectorRangeSplit {
  private static final ThreadLocal<SumColumnsSplit> PER_THREAD =
      ThreadLocal.withInitial(SumColumnsSplit::new);
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private float[] a;
  private int aOffset;
  private int rows;
  private int cols;
  private float[] out;
  private int outOffset;

  private SumColumnsSplit() {}

  /** As {@link Kernels#sumColumns}. */
  static void run(float[] a, int aOffset, int rows, int cols, float[] out, int outOffset) {
    int threads = Math.min(KernelThreads.count(), cols / S.length());
    if (threads < 2 || (long) rows * cols < PARALLEL_MIN) {
      range(a, aOffset, rows, cols, out, outOffset, 0, cols);
      return;
    }
    SumColumnsSplit split = PER_THREAD.get();
    split.a = a;
    split.aOffset = aOffset;
    split.rows = rows;
    split.cols = cols;
    split.out = out;
    split.outOffset = outOffset;
    split.run(cols, threads);
  }

  @Override
  void runRange(int from, int to) {
    range(a, aOffset, rows, cols, out, outOffset, from, to);
  }

  /** Columns [from, to) of {@link Kernels#sumColumns}, each summed over the rows in order. */
  private static void range(
      float[] a, int aOffset, int rows, int cols, float[] out, int outOffset, int from, int to) {
    int step = S.length();
    int j = from;
    for (; j + 2 * step <= to; j += 2 * step) {
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      for (int r = 0, at = aOffset + j; r < rows; r++, at += cols) {
        // the running sums as arguments: a loop-carried receiver boxes when a Vector API helper's
        // profile is empty (VectorKernels.max)
        s0 = FloatVector.fromArray(S, a, at).add(s0);
        s1 = FloatVector.fromArray(S, a, at + step).add(s1);
      }
      s0.intoArray(out, outOffset + j);
      s1.intoArray(out, outOffset + j + step);
    }
    for (; j + step <= to; j += step) {
      FloatVector s0 = FloatVector.zero(S);
      for (int r = 0, at = aOffset + j; r < rows; r++, at += cols) {
        s0 = FloatVector.fromArray(S, a, at).add(s0);
      }
      s0.intoArray(out, outOffset + j);
    }
    for (; j < to; j++) {
      float total = 0f;
      for (int r = 0, at = aOffset + j; r < rows; r++, at += cols) {
        total += a[at];
      }
      out[outOffset + j] = total;
    }
  }

  @Override
  void release() {
    a = null;
    out = null;
  }
}
