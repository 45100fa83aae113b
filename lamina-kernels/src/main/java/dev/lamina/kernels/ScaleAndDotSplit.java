package dev.lamina.kernels;

import dev.lamina.kernels.internal.KernelThreads;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels#scaleAndDot} in blocks of a fixed length, the blocks split over the kernel
 * threads. Each block's sum is kept apart and the sums are added in block order on the calling
 * thread, which adds them the same way when it runs every block itself: the same bits for any
 * number of threads. The per-thread object keeps the block sums' array, so a call allocates nothing
 * after the first.
 */
final class ScaleAndDotSplit implements KernelThreads.PartedTask {
  /** A multiple of every vector length, so that only the last block has a partial vector. */
  private static final int BLOCK = 4096;

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  private static final ThreadLocal<ScaleAndDotSplit> PER_THREAD =
      ThreadLocal.withInitial(ScaleAndDotSplit::new);

  private float alpha;
  private float[] g;
  private int gOffset;
  private float[] x;
  private int xOffset;
  private float[] out;
  private int outOffset;
  private int n;
  private int blocks;
  private float[] blockSums = new float[0];

  private ScaleAndDotSplit() {}

  static float run(
      float alpha,
      float[] g,
      int gOffset,
      float[] x,
      int xOffset,
      float[] out,
      int outOffset,
      int n) {
    int blocks = (n + BLOCK - 1) / BLOCK;
    int parts = Math.min(KernelThreads.count(), blocks);
    if (parts < 2 || n < VectorRangeSplit.PARALLEL_MIN) {
      float total = 0f;
      for (int start = 0; start < n; start += BLOCK) {
        int length = Math.min(BLOCK, n - start);
        total +=
            block(alpha, g, gOffset + start, x, xOffset + start, out, outOffset + start, length);
      }
      return total;
    }
    ScaleAndDotSplit split = PER_THREAD.get();
    if (split.blockSums.length < blocks) {
      split.blockSums = new float[blocks];
    }
    split.alpha = alpha;
    split.g = g;
    split.gOffset = gOffset;
    split.x = x;
    split.xOffset = xOffset;
    split.out = out;
    split.outOffset = outOffset;
    split.n = n;
    split.blocks = blocks;
    try {
      KernelThreads.runParts(split, parts);
    } finally {
      split.g = null;
      split.x = null;
      split.out = null;
    }
    float total = 0f;
    for (int b = 0; b < blocks; b++) {
      total += split.blockSums[b];
    }
    return total;
  }

  @Override
  public void runPart(int part, int parts) {
    for (int b = blocks * part / parts; b < blocks * (part + 1) / parts; b++) {
      int start = b * BLOCK;
      blockSums[b] =
          block(
              alpha,
              g,
              gOffset + start,
              x,
              xOffset + start,
              out,
              outOffset + start,
              Math.min(BLOCK, n - start));
    }
  }

  /**
   * {@link Kernels#scaleAndDot} over one block: the lanes' sums added in order, then the tail's.
   */
  private static float block(
      float alpha,
      float[] g,
      int gOffset,
      float[] x,
      int xOffset,
      float[] out,
      int outOffset,
      int n) {
    int i = 0;
    FloatVector total = FloatVector.zero(S);
    for (int bound = S.loopBound(n); i < bound; i += S.length()) {
      FloatVector gv = FloatVector.fromArray(S, g, gOffset + i);
      gv.mul(alpha).intoArray(out, outOffset + i);
      total = MultiplyAdd.fma(gv, FloatVector.fromArray(S, x, xOffset + i), total);
    }
    float[] lanes = VectorKernels.laneRoom();
    total.intoArray(lanes, 0);
    return VectorKernels.sumInLaneOrder(lanes)
        + PlainKernels.INSTANCE.scaleAndDot(
            alpha, g, gOffset + i, x, xOffset + i, out, outOffset + i, n - i);
  }
}
