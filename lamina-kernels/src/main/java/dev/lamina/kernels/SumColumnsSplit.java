package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import jdk.incubator.vector.FloatVector;

/**
 * Column sums of a large matrix (a bias gradient over batch × pixels rows) split over the kernel
 * threads by columns, in ranges of whole vectors. Each column is summed over the rows in order by
 * one thread, so the result has the same bits for any number of parts.
 */
final class SumColumnsSplit extends VectorRangeSplit {
  private static final ThreadLocal<SumColumnsSplit> PER_THREAD =
      ThreadLocal.withInitial(SumColumnsSplit::new);

  private float[] a;
  private int aOffset;
  private int rows;
  private int cols;
  private float[] out;
  private int outOffset;

  private SumColumnsSplit() {}

  /** As {@link Kernels#sumColumns}. */
  static void run(float[] a, int aOffset, int rows, int cols, float[] out, int outOffset) {
    int threads = Math.min(KernelThreads.count(), cols / FloatVector.SPECIES_PREFERRED.length());
    if (threads < 2 || (long) rows * cols < PARALLEL_MIN) {
      VectorKernels.sumColumnsRange(a, aOffset, rows, cols, out, outOffset, 0, cols);
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
    VectorKernels.sumColumnsRange(a, aOffset, rows, cols, out, outOffset, from, to);
  }

  @Override
  void release() {
    a = null;
    out = null;
  }
}
