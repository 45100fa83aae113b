package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;

/**
 * A row added to every row of a large matrix (a convolution's bias over batch × pixels rows), split
 * over the kernel threads by rows. Each element is one addition, so the result has the same bits
 * for any number of parts.
 */
final class AddRowSplit extends VectorRangeSplit {
  private static final ThreadLocal<AddRowSplit> PER_THREAD =
      ThreadLocal.withInitial(AddRowSplit::new);

  private float[] a;
  private int aOffset;
  private float[] row;
  private int rowOffset;
  private float[] out;
  private int outOffset;
  private int cols;

  private AddRowSplit() {}

  /** As {@link Kernels#addRow}. */
  static void run(
      float[] a,
      int aOffset,
      float[] row,
      int rowOffset,
      float[] out,
      int outOffset,
      int rows,
      int cols) {
    int threads = KernelThreads.count();
    if (threads == 1 || (long) rows * cols < PARALLEL_MIN) {
      VectorKernels.addRowRange(a, aOffset, row, rowOffset, out, outOffset, cols, 0, rows);
      return;
    }
    AddRowSplit split = PER_THREAD.get();
    split.a = a;
    split.aOffset = aOffset;
    split.row = row;
    split.rowOffset = rowOffset;
    split.out = out;
    split.outOffset = outOffset;
    split.cols = cols;
    // the split's unit is a row here: its ranges are whole numbers of vectors' worth of rows
    split.run(rows, threads);
  }

  @Override
  void runRange(int from, int to) {
    VectorKernels.addRowRange(a, aOffset, row, rowOffset, out, outOffset, cols, from, to);
  }

  @Override
  void release() {
    a = null;
    row = null;
    out = null;
  }
}
